package org.ducha.petitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static org.ducha.petitions.PetitionStore.enumOf;
import static org.ducha.petitions.PetitionStore.instant;
import static org.ducha.petitions.PetitionStore.utc;

/**
 * The closure tables: a case's handling cycle, its settled conditions, its follow-ups
 * with the complainant, and the result of each closed cycle.
 */
@Repository
class ClosureStore {

	private final JdbcClient jdbc;

	ClosureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int cycleOf(long petitionId) {
		return this.jdbc.sql("select cycle from petition where id = ?").param(petitionId).query(Integer.class).single();
	}

	/** Moves the case to its next cycle; the caller holds the case's row lock. */
	void startCycle(long petitionId, int cycle) {
		this.jdbc.sql("update petition set cycle = ? where id = ?").params(cycle, petitionId).update();
	}

	/** The conditions settled in one cycle, in the order of the six. */
	List<ConditionRecord> conditions(long petitionId, int cycle) {
		return this.jdbc.sql("select * from closure_condition where petition_id = ? and cycle = ?")
			.params(petitionId, cycle)
			.query(ClosureStore::condition)
			.list()
			.stream()
			.sorted((a, b) -> a.condition().compareTo(b.condition()))
			.toList();
	}

	/** Settles a condition for the cycle, replacing how it was settled before. */
	void settle(long petitionId, ConditionRecord record) {
		clear(petitionId, record.cycle(), record.condition());
		this.jdbc.sql("""
				insert into closure_condition (petition_id, cycle, condition, state, note, satisfaction_id,
				  recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(petitionId, record.cycle(), record.condition().name(), record.state().name(), record.note(),
					record.satisfactionId(), record.recordedBy(), utc(record.recordedAt()))
			.update();
	}

	/** Opens a condition again; returns whether it had been settled. */
	boolean clear(long petitionId, int cycle, ClosureCondition condition) {
		return this.jdbc.sql("delete from closure_condition where petition_id = ? and cycle = ? and condition = ?")
			.params(petitionId, cycle, condition.name())
			.update() > 0;
	}

	long insertSatisfaction(long petitionId, int cycle, SatisfactionAnswer answer, FollowUpMethod method, String note,
			String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into satisfaction (petition_id, cycle, answer, method, note, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(petitionId, cycle, answer.name(), method.name(), note, by, utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** The follow-ups of one cycle, oldest first. */
	List<Satisfaction> satisfactions(long petitionId, int cycle) {
		return this.jdbc.sql("select * from satisfaction where petition_id = ? and cycle = ? order by id")
			.params(petitionId, cycle)
			.query((rs, row) -> new Satisfaction(rs.getLong("id"), rs.getInt("cycle"),
					SatisfactionAnswer.valueOf(rs.getString("answer")), FollowUpMethod.valueOf(rs.getString("method")),
					rs.getString("note"), rs.getString("recorded_by"), instant(rs, "recorded_at")))
			.list();
	}

	void insertResult(long petitionId, CycleResult result) {
		this.jdbc.sql("""
				insert into petition_cycle (petition_id, cycle, closed_at, closed_by, verdict, completion)
				values (?, ?, ?, ?, ?, ?)""")
			.params(petitionId, result.cycle(), utc(result.closedAt()), result.closedBy(),
					(result.verdict() != null) ? result.verdict().name() : null,
					(result.completion() != null) ? result.completion().name() : null)
			.update();
	}

	void markReopened(long petitionId, int cycle, Instant at, long lookBackId) {
		this.jdbc.sql("""
				update petition_cycle set reopened_at = ?, reopened_by_look_back = ?
				where petition_id = ? and cycle = ?""").params(utc(at), lookBackId, petitionId, cycle).update();
	}

	/** The results of the case's closed cycles, oldest first. */
	List<CycleResult> results(long petitionId) {
		return this.jdbc.sql("select * from petition_cycle where petition_id = ? order by cycle")
			.param(petitionId)
			.query((rs, row) -> {
				long lookBack = rs.getLong("reopened_by_look_back");
				Long reopenedBy = rs.wasNull() ? null : lookBack;
				return new CycleResult(rs.getInt("cycle"), instant(rs, "closed_at"), rs.getString("closed_by"),
						enumOf(Verdict.class, rs.getString("verdict")),
						enumOf(Completion.class, rs.getString("completion")), instant(rs, "reopened_at"), reopenedBy);
			})
			.list();
	}

	Optional<CycleResult> result(long petitionId, int cycle) {
		return results(petitionId).stream().filter((r) -> r.cycle() == cycle).findFirst();
	}

	private static ConditionRecord condition(ResultSet rs, int row) throws SQLException {
		long satisfaction = rs.getLong("satisfaction_id");
		Long satisfactionId = rs.wasNull() ? null : satisfaction;
		return new ConditionRecord(ClosureCondition.valueOf(rs.getString("condition")), rs.getInt("cycle"),
				ConditionState.valueOf(rs.getString("state")), rs.getString("note"), satisfactionId,
				rs.getString("recorded_by"), instant(rs, "recorded_at"));
	}

}
