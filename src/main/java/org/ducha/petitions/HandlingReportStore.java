package org.ducha.petitions;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static org.ducha.petitions.PetitionStore.enumOf;
import static org.ducha.petitions.PetitionStore.instant;
import static org.ducha.petitions.PetitionStore.utc;

/**
 * The handling reports of cases, one row per version, and the co-units' contributions.
 */
@Repository
class HandlingReportStore {

	private final JdbcClient jdbc;

	HandlingReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The highest version of a case's report, if it has one. */
	Optional<HandlingReport> latest(long petitionId) {
		return this.jdbc.sql("select * from handling_report where petition_id = ? order by version_number desc limit 1")
			.param(petitionId)
			.query(HandlingReportStore::report)
			.optional();
	}

	Optional<HandlingReport> version(long petitionId, int versionNumber) {
		return this.jdbc.sql("select * from handling_report where petition_id = ? and version_number = ?")
			.params(petitionId, versionNumber)
			.query(HandlingReportStore::report)
			.optional();
	}

	/** Every version of a case's report, oldest first. */
	List<HandlingReport> versions(long petitionId) {
		return this.jdbc.sql("select * from handling_report where petition_id = ? order by version_number")
			.param(petitionId)
			.query(HandlingReportStore::report)
			.list();
	}

	void insertDraft(long petitionId, int versionNumber, long unitId, ReportDraft d, String by, Instant at) {
		this.jdbc.sql("""
				insert into handling_report (petition_id, version_number, unit_id, findings, verdict, handling,
				  accountability, persons_accountable, fines_wan, cases_filed, detentions, enterprises_rectify,
				  enterprises_closed, enterprise_side, regulator_side, completion, rectification_due, status,
				  written_by, written_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(petitionId, versionNumber, unitId, d.findings(), name(d.verdict()), d.handling(),
					d.accountability(), d.personsAccountable(), d.finesWan(), d.casesFiled(), d.detentions(),
					d.enterprisesRectify(), d.enterprisesClosed(), d.enterpriseSide(), d.regulatorSide(),
					name(d.completion()), date(d), ReportStatus.DRAFT.name(), by, utc(at))
			.update();
	}

	/**
	 * Replaces a draft's content if it is still at {@code rowVersion}.
	 * @return whether it was
	 */
	boolean updateDraft(long id, long rowVersion, ReportDraft d, String by, Instant at) {
		return this.jdbc.sql("""
				update handling_report set findings = ?, verdict = ?, handling = ?, accountability = ?,
				  persons_accountable = ?, fines_wan = ?, cases_filed = ?, detentions = ?, enterprises_rectify = ?,
				  enterprises_closed = ?, enterprise_side = ?, regulator_side = ?, completion = ?,
				  rectification_due = ?, written_by = ?, written_at = ?, row_version = row_version + 1
				where id = ? and row_version = ? and status = 'DRAFT'""")
			.params(d.findings(), name(d.verdict()), d.handling(), d.accountability(), d.personsAccountable(),
					d.finesWan(), d.casesFiled(), d.detentions(), d.enterprisesRectify(), d.enterprisesClosed(),
					d.enterpriseSide(), d.regulatorSide(), name(d.completion()), date(d), by, utc(at), id, rowVersion)
			.update() == 1;
	}

	boolean markSubmitted(long id, long rowVersion, Instant at) {
		return this.jdbc.sql("""
				update handling_report set status = 'SUBMITTED', submitted_at = ?, row_version = row_version + 1
				where id = ? and row_version = ? and status = 'DRAFT'""").params(utc(at), id, rowVersion).update() == 1;
	}

	/** Records the office's decision on a submitted version. */
	boolean markReviewed(long id, long rowVersion, ReportStatus decision, String by, Instant at, String comment) {
		return this.jdbc.sql("""
				update handling_report set status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?,
				  row_version = row_version + 1
				where id = ? and row_version = ? and status = 'SUBMITTED'""")
			.params(decision.name(), by, utc(at), comment, id, rowVersion)
			.update() == 1;
	}

	long insertContribution(long petitionId, long unitId, String text, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into report_contribution (petition_id, unit_id, text, written_by, written_at)
				values (?, ?, ?, ?, ?)""").params(petitionId, unitId, text, by, utc(at)).update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** A case's contributions, oldest first, with unit names from {@code unitNames}. */
	List<Contribution> contributions(long petitionId, Map<Long, String> unitNames) {
		return this.jdbc.sql("select * from report_contribution where petition_id = ? order by id")
			.param(petitionId)
			.query((rs, row) -> {
				long unit = rs.getLong("unit_id");
				return new Contribution(rs.getLong("id"), rs.getLong("petition_id"), unit,
						unitNames.getOrDefault(unit, String.valueOf(unit)), rs.getString("text"),
						rs.getString("written_by"), instant(rs, "written_at"));
			})
			.list();
	}

	int contributionCount(long petitionId) {
		return this.jdbc.sql("select count(*) from report_contribution where petition_id = ?")
			.param(petitionId)
			.query(Integer.class)
			.single();
	}

	private static HandlingReport report(ResultSet rs, int row) throws SQLException {
		Date due = rs.getDate("rectification_due");
		return new HandlingReport(rs.getLong("id"), rs.getLong("petition_id"), rs.getInt("version_number"),
				rs.getLong("unit_id"), rs.getString("findings"), enumOf(Verdict.class, rs.getString("verdict")),
				rs.getString("handling"), rs.getString("accountability"), integer(rs, "persons_accountable"),
				rs.getBigDecimal("fines_wan"), integer(rs, "cases_filed"), integer(rs, "detentions"),
				integer(rs, "enterprises_rectify"), integer(rs, "enterprises_closed"), rs.getString("enterprise_side"),
				rs.getString("regulator_side"), enumOf(Completion.class, rs.getString("completion")),
				(due != null) ? due.toLocalDate() : null, ReportStatus.valueOf(rs.getString("status")),
				rs.getString("written_by"), instant(rs, "written_at"), instant(rs, "submitted_at"),
				rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("review_comment"),
				rs.getLong("row_version"));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static Date date(ReportDraft d) {
		return (d.rectificationDue() != null) ? Date.valueOf(d.rectificationDue()) : null;
	}

}
