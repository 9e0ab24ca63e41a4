package org.ducha.petitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static org.ducha.petitions.PetitionStore.instant;
import static org.ducha.petitions.PetitionStore.utc;

/** The look-back table, and the closed cases the office may choose from. */
@Repository
class LookBackStore {

	private static final String SELECT = """
			select b.*, p.receipt_number from look_back b join petition p on p.id = b.petition_id""";

	private final JdbcClient jdbc;

	LookBackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long petitionId, int cycle, LookBackMethod method, LocalDate scheduledFor, String note, String by,
			Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into look_back (petition_id, cycle, method, scheduled_for, assigned_note, scheduled_by,
				  scheduled_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(petitionId, cycle, method.name(), scheduledFor, note, by, utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<LookBack> lookBack(long id) {
		return this.jdbc.sql(SELECT + " where b.id = ?").param(id).query(LookBackStore::lookBack).optional();
	}

	Optional<LookBack> lookBackForUpdate(long id) {
		if (this.jdbc.sql("select id from look_back where id = ? for update")
			.param(id)
			.query(Long.class)
			.optional()
			.isEmpty()) {
			return Optional.empty();
		}
		return lookBack(id);
	}

	void recordOutcome(long id, LookBackOutcome outcome, String finding, String by, Instant at, Integer reopenedCycle) {
		this.jdbc.sql("""
				update look_back set outcome = ?, finding = ?, recorded_by = ?, recorded_at = ?, reopened_cycle = ?
				where id = ?""").params(outcome.name(), finding, by, utc(at), reopenedCycle, id).update();
	}

	void reschedule(long id, LocalDate day) {
		this.jdbc.sql("update look_back set scheduled_for = ? where id = ?").params(day, id).update();
	}

	void cancel(long id, String reason, String by, Instant at) {
		this.jdbc.sql("update look_back set cancelled_by = ?, cancelled_at = ?, cancel_reason = ? where id = ?")
			.params(by, utc(at), reason, id)
			.update();
	}

	/** Look-backs still to do, the earliest day first (so the overdue lead). */
	List<LookBack> pending() {
		return this.jdbc
			.sql(SELECT + " where b.outcome is null and b.cancelled_at is null order by b.scheduled_for, b.id")
			.query(LookBackStore::lookBack)
			.list();
	}

	/** The latest look-backs done, newest first. */
	List<LookBack> done(int limit) {
		return this.jdbc
			.sql(SELECT + " where b.outcome is not null order by b.recorded_at desc, b.id desc fetch first ? rows only")
			.param(limit)
			.query(LookBackStore::lookBack)
			.list();
	}

	List<LookBack> ofPetition(long petitionId) {
		return this.jdbc.sql(SELECT + " where b.petition_id = ? order by b.id")
			.param(petitionId)
			.query(LookBackStore::lookBack)
			.list();
	}

	/** Ids of closed cases, most recently registered first. */
	List<Long> closedIds(int limit) {
		return this.jdbc.sql("select id from petition where status = 'CLOSED' order by id desc fetch first ? rows only")
			.param(limit)
			.query(Long.class)
			.list();
	}

	/**
	 * A case's id and status by the key of its receipt number
	 * ({@link ReceiptNumber#key()}), in every round.
	 */
	record Numbered(long id, String receiptKey, PetitionStatus status) {
	}

	List<Numbered> byReceiptKeys(Collection<String> receiptKeys) {
		if (receiptKeys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select id, receipt_key, status from petition where receipt_key in (:keys)")
			.param("keys", receiptKeys)
			.query((rs, row) -> new Numbered(rs.getLong("id"), rs.getString("receipt_key"),
					PetitionStatus.valueOf(rs.getString("status"))))
			.list();
	}

	private static LookBack lookBack(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("outcome");
		int reopened = rs.getInt("reopened_cycle");
		Integer reopenedCycle = rs.wasNull() ? null : reopened;
		return new LookBack(rs.getLong("id"), rs.getLong("petition_id"), rs.getString("receipt_number"),
				rs.getInt("cycle"), LookBackMethod.valueOf(rs.getString("method")),
				rs.getObject("scheduled_for", LocalDate.class), rs.getString("assigned_note"),
				rs.getString("scheduled_by"), instant(rs, "scheduled_at"),
				(outcome != null) ? LookBackOutcome.valueOf(outcome) : null, rs.getString("finding"),
				rs.getString("recorded_by"), instant(rs, "recorded_at"), reopenedCycle, rs.getString("cancelled_by"),
				instant(rs, "cancelled_at"), rs.getString("cancel_reason"));
	}

}
