package org.ducha.rounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.ducha.deadlines.DeadlinePolicy;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The round and batch tables. */
@Repository
class RoundStore {

	private static final RowMapper<Round> ROUND = (rs, row) -> new Round(rs.getLong("id"), rs.getString("name"),
			RoundLevel.valueOf(rs.getString("level")), rs.getString("team"), rs.getString("region_code"),
			rs.getObject("stationed_from", java.time.LocalDate.class),
			rs.getObject("stationed_to", java.time.LocalDate.class), rs.getString("hotline"),
			DeadlinePolicy.parse(rs.getString("receipt_policy")), DeadlinePolicy.parse(rs.getString("report_policy")),
			DeadlinePolicy.parse(rs.getString("key_report_policy")),
			DeadlinePolicy.parse(rs.getString("supplement_policy")), rs.getLong("version"));

	private static final RowMapper<Batch> BATCH = (rs, row) -> new Batch(rs.getLong("id"), rs.getLong("round_id"),
			rs.getInt("batch_number"), instant(rs, "transferred_at"), instant(rs, "received_at"),
			rs.getString("received_by"), rs.getLong("version"));

	private final JdbcClient jdbc;

	RoundStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	List<Round> rounds() {
		return this.jdbc.sql("select * from inspection_round order by stationed_from desc, id desc")
			.query(ROUND)
			.list();
	}

	Optional<Round> round(long id) {
		return this.jdbc.sql("select * from inspection_round where id = ?").param(id).query(ROUND).optional();
	}

	long insertRound(RoundDraft draft, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into inspection_round (name, level, team, region_code, stationed_from, stationed_to, hotline,
				  receipt_policy, report_policy, key_report_policy, supplement_policy, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(draft.name(), draft.level().name(), draft.team(), draft.regionCode(), draft.stationedFrom(),
					draft.stationedTo(), draft.hotline(), draft.receiptPolicy(), draft.reportPolicy(),
					draft.keyReportPolicy(), draft.supplementPolicy(), now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	boolean updateRound(long id, long version, RoundDraft draft) {
		return this.jdbc.sql("""
				update inspection_round set name = ?, level = ?, team = ?, region_code = ?, stationed_from = ?,
				  stationed_to = ?, hotline = ?, receipt_policy = ?, report_policy = ?, key_report_policy = ?,
				  supplement_policy = ?, version = version + 1
				where id = ? and version = ?""")
			.params(draft.name(), draft.level().name(), draft.team(), draft.regionCode(), draft.stationedFrom(),
					draft.stationedTo(), draft.hotline(), draft.receiptPolicy(), draft.reportPolicy(),
					draft.keyReportPolicy(), draft.supplementPolicy(), id, version)
			.update() == 1;
	}

	List<Batch> batches(long roundId) {
		return this.jdbc.sql("select * from transfer_batch where round_id = ? order by batch_number")
			.param(roundId)
			.query(BATCH)
			.list();
	}

	Optional<Batch> batch(long id) {
		return this.jdbc.sql("select * from transfer_batch where id = ?").param(id).query(BATCH).optional();
	}

	Optional<Batch> batchForUpdate(long id) {
		return this.jdbc.sql("select * from transfer_batch where id = ? for update").param(id).query(BATCH).optional();
	}

	boolean batchNumberTaken(long roundId, int number) {
		return this.jdbc.sql("select count(*) from transfer_batch where round_id = ? and batch_number = ?")
			.params(roundId, number)
			.query(Long.class)
			.single() > 0;
	}

	long insertBatch(long roundId, int number, Instant transferredAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into transfer_batch (round_id, batch_number, transferred_at) values (?, ?, ?)")
			.params(roundId, number, transferredAt.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	boolean markReceived(long id, Instant at, String login) {
		return this.jdbc.sql("""
				update transfer_batch set received_at = ?, received_by = ?, version = version + 1
				where id = ? and received_at is null""").params(at.atOffset(ZoneOffset.UTC), login, id).update() == 1;
	}

}
