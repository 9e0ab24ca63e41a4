package org.ducha.disclosure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The disclosure_table snapshots. Insert only. */
@Repository
class DisclosureStore {

	private static final TypeReference<List<DisclosureRow>> ROWS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final RowMapper<PublishedTable> table = (rs, row) -> new PublishedTable(rs.getLong("id"),
			rs.getLong("round_id"), rs.getLong("batch_id"), rs.getInt("version_number"), rs.getString("title"),
			this.json.readValue(rs.getString("rows_json"), ROWS), rs.getString("change_note"),
			rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class).toInstant());

	DisclosureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long roundId, long batchId, int version, String title, List<DisclosureRow> rows, String changeNote,
			String login, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into disclosure_table (round_id, batch_id, version_number, title, rows_json, row_count,
				  change_note, published_by, published_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(roundId, batchId, version, title, this.json.writeValueAsString(rows), rows.size(), changeNote,
					login, now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<PublishedTable> table(long id) {
		return this.jdbc.sql("select * from disclosure_table where id = ?").param(id).query(this.table).optional();
	}

	Optional<PublishedTable> latest(long batchId) {
		return this.jdbc.sql("""
				select * from disclosure_table where batch_id = ?
				order by version_number desc fetch first 1 rows only""").param(batchId).query(this.table).optional();
	}

	Optional<PublishedTable> version(long batchId, int version) {
		return this.jdbc.sql("select * from disclosure_table where batch_id = ? and version_number = ?")
			.params(batchId, version)
			.query(this.table)
			.optional();
	}

	List<PublishedTable> versions(long batchId) {
		return this.jdbc.sql("select * from disclosure_table where batch_id = ? order by version_number desc")
			.param(batchId)
			.query(this.table)
			.list();
	}

	/** The latest version of every published batch, newest first. */
	List<PublishedTable> latestOfEachBatch() {
		return this.jdbc
			.sql("""
					select * from disclosure_table t
					where t.version_number = (select max(v.version_number) from disclosure_table v where v.batch_id = t.batch_id)
					order by t.published_at desc, t.id desc""")
			.query(this.table)
			.list();
	}

}
