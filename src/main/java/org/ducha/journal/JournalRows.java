package org.ducha.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.RowMapper;

/** Reads journal rows; the one place that knows the columns. */
final class JournalRows {

	static final String COLUMNS = "seq, recorded_at, actor, actor_unit_id, subject_type, subject_id, event_type, data, previous_hash, hash";

	static final RowMapper<JournalEntry> MAPPER = JournalRows::map;

	private JournalRows() {
	}

	private static JournalEntry map(ResultSet rs, int row) throws SQLException {
		long unit = rs.getLong("actor_unit_id");
		Long actorUnitId = rs.wasNull() ? null : unit;
		return new JournalEntry(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), actorUnitId, rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("event_type"), rs.getString("data"), rs.getString("previous_hash"), rs.getString("hash"));
	}

}
