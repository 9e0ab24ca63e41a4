package org.ducha.disclosure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.ducha.shared.RuleViolation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The office's decisions on disclosure drafts (disclosure_decision). */
@Repository
class DecisionStore {

	private static final RowMapper<DisclosureDecision> DECISION = (rs, row) -> {
		DisclosureDecision.Action action = DisclosureDecision.Action.valueOf(rs.getString("action"));
		String written = rs.getString("written");
		return new DisclosureDecision(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("petition_id"),
				rs.getString("receipt_number"), TextColumn.valueOf(rs.getString("field")), action, written,
				(action == DisclosureDecision.Action.KEEP) ? written : DisclosureDecision.hidden(written),
				rs.getString("reason"), rs.getString("decided_by"),
				rs.getObject("decided_at", OffsetDateTime.class).toInstant(), 0);
	};

	private final JdbcClient jdbc;

	DecisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a decision; the same decision twice (two people at once) is refused with
	 * {@code duplicate}.
	 */
	long insert(long batchId, long petitionId, String receiptNumber, TextColumn column,
			DisclosureDecision.Action action, String written, String reason, String login, Instant now,
			String duplicate) {
		KeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("""
					insert into disclosure_decision (batch_id, petition_id, receipt_number, field, action, written,
					  reason, decided_by, decided_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(batchId, petitionId, receiptNumber, column.name(), action.name(), written, reason, login,
						now.atOffset(ZoneOffset.UTC))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation(duplicate);
		}
		return keys.getKeyAs(Long.class);
	}

	/** The batch's decisions in the order they were taken. */
	List<DisclosureDecision> ofBatch(long batchId) {
		return this.jdbc.sql("select * from disclosure_decision where batch_id = ? order by id")
			.param(batchId)
			.query(DECISION)
			.list();
	}

	Optional<DisclosureDecision> find(long batchId, long id) {
		return this.jdbc.sql("select * from disclosure_decision where batch_id = ? and id = ?")
			.params(batchId, id)
			.query(DECISION)
			.optional();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from disclosure_decision where id = ?").param(id).update() == 1;
	}

}
