package org.ducha.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ins, failed sign-ins, lockouts and sign-outs, for the auditor. Entries are only
 * added.
 */
@Service
public class SecurityLog {

	/** What happened at the door. */
	public enum Event {

		LOGIN, LOGIN_FAILED, LOCKED, LOGIN_WHILE_LOCKED, LOGOUT

	}

	/** One entry of the security log. */
	public record Entry(long id, Instant occurredAt, String login, Event event, String remoteAddress, String detail) {

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	SecurityLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void append(String login, Event event, String remoteAddress, String detail) {
		this.jdbc.sql("""
				insert into security_event (occurred_at, login, event, remote_addr, detail)
				values (?, ?, ?, ?, ?)""")
			.params(this.clock.instant().atOffset(ZoneOffset.UTC), truncate(login, 64), event.name(),
					truncate(remoteAddress, 64), truncate(detail, 255))
			.update();
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/**
	 * The newest entries first, before the given id (keyset pagination); {@code null} for
	 * the newest.
	 */
	@PreAuthorize("hasRole('AUDITOR')")
	@Transactional(readOnly = true)
	public List<Entry> page(Long beforeId, int size) {
		return this.jdbc.sql("""
				select id, occurred_at, login, event, remote_addr, detail from security_event
				where id < ? order by id desc fetch first ? rows only""")
			.params((beforeId != null) ? beforeId : Long.MAX_VALUE, size)
			.query((rs, row) -> new Entry(rs.getLong("id"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("login"),
					Event.valueOf(rs.getString("event")), rs.getString("remote_addr"), rs.getString("detail")))
			.list();
	}

}
