package org.ducha.petitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static org.ducha.petitions.PetitionStore.instant;
import static org.ducha.petitions.PetitionStore.utc;

/** The evidence files' descriptions; their bytes are in the {@link FileStore}. */
@Repository
class EvidenceStore {

	private final JdbcClient jdbc;

	EvidenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long petitionId, Integer reportVersion, String fileName, String contentType, long size, String sha256,
			String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into evidence_file (petition_id, report_version, file_name, content_type, size_bytes, sha256,
				  uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(petitionId, reportVersion, fileName, contentType, size, sha256, by, utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<EvidenceFile> file(long id) {
		return this.jdbc.sql("select * from evidence_file where id = ? and withdrawn_at is null")
			.param(id)
			.query(EvidenceStore::file)
			.optional();
	}

	List<EvidenceFile> ofPetition(long petitionId) {
		return this.jdbc.sql("select * from evidence_file where petition_id = ? and withdrawn_at is null order by id")
			.param(petitionId)
			.query(EvidenceStore::file)
			.list();
	}

	int count(long petitionId) {
		return this.jdbc.sql("select count(*) from evidence_file where petition_id = ? and withdrawn_at is null")
			.param(petitionId)
			.query(Integer.class)
			.single();
	}

	/**
	 * @return whether the file was still attached
	 */
	boolean withdraw(long id, String by, Instant at) {
		return this.jdbc
			.sql("update evidence_file set withdrawn_by = ?, withdrawn_at = ? where id = ? and withdrawn_at is null")
			.params(by, utc(at), id)
			.update() == 1;
	}

	/**
	 * The content of every evidence file, withdrawn or not, for the file store's janitor.
	 */
	Set<String> allSha256() {
		return new HashSet<>(this.jdbc.sql("select distinct sha256 from evidence_file").query(String.class).list());
	}

	/** When a report of the case was last submitted to the office, if ever. */
	Optional<Instant> lastSubmitted(long petitionId) {
		return this.jdbc.sql("select max(submitted_at) as last_submitted from handling_report where petition_id = ?")
			.param(petitionId)
			.query((rs, row) -> Optional.ofNullable(instant(rs, "last_submitted")))
			.single();
	}

	private static EvidenceFile file(ResultSet rs, int row) throws SQLException {
		int version = rs.getInt("report_version");
		Integer reportVersion = rs.wasNull() ? null : version;
		return new EvidenceFile(rs.getLong("id"), rs.getLong("petition_id"), reportVersion, rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("uploaded_by"), instant(rs, "uploaded_at"));
	}

}
