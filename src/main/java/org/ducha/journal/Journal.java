package org.ducha.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.ducha.shared.Actor;
import org.ducha.shared.CurrentActor;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends entries to the journal. Must be called inside the transaction that makes the
 * change, so that the change and its entry are committed together or not at all.
 * <p>
 * The chain is serialised through a row lock on {@code journal_head}: whichever
 * transaction holds it appends the next entry, so two application nodes writing to the
 * same database still build one unbroken chain. The lock is held until the caller's
 * transaction ends.
 */
@Service
public class Journal {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	Journal(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that {@code eventType} happened to a subject, on behalf of the signed-in
	 * user (or the system).
	 * @param subjectType the kind of thing changed, e.g. {@code unit}
	 * @param subjectId its id
	 * @param eventType what happened, past tense, e.g. {@code UnitMoved}
	 * @param data the facts of the event; written as JSON with sorted keys
	 * @return the entry as stored
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public JournalEntry record(String subjectType, Object subjectId, String eventType, Map<String, ?> data) {
		return record(CurrentActor.get(), subjectType, subjectId, eventType, data);
	}

	/**
	 * Records an event on behalf of a given actor, for changes made before anyone is
	 * signed in (a login, a lockout).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public JournalEntry record(Actor actor, String subjectType, Object subjectId, String eventType,
			Map<String, ?> data) {
		Head head = this.jdbc.sql("select seq, hash from journal_head where id = 1 for update")
			.query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
			.single();
		long seq = head.seq() + 1;
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String dataJson = this.json.writeValueAsString(data);
		String id = String.valueOf(subjectId);
		String hash = ChainHash.of(head.hash(), seq, now, actor.login(), actor.unitId(), subjectType, id, eventType,
				dataJson);
		this.jdbc.sql("""
				insert into journal_entry (seq, recorded_at, actor, actor_unit_id, subject_type, subject_id,
				  event_type, data, previous_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, now.atOffset(ZoneOffset.UTC), actor.login(), actor.unitId(), subjectType, id, eventType,
					dataJson, head.hash(), hash)
			.update();
		this.jdbc.sql("update journal_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
		return new JournalEntry(seq, now, actor.login(), actor.unitId(), subjectType, id, eventType, dataJson,
				head.hash(), hash);
	}

	private record Head(long seq, String hash) {
	}

}
