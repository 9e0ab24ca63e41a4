package org.ducha.petitions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One version of a case's handling report (办理情况报告), as stored.
 *
 * @param versionNumber 1 for the first report, one more for each supplement
 * @param unitId the lead unit that wrote it
 * @param rowVersion for optimistic locking of a draft: pass it back to save or submit
 */
public record HandlingReport(long id, long petitionId, int versionNumber, long unitId, String findings, Verdict verdict,
		String handling, String accountability, Integer personsAccountable, BigDecimal finesWan, Integer casesFiled,
		Integer detentions, Integer enterprisesRectify, Integer enterprisesClosed, String enterpriseSide,
		String regulatorSide, Completion completion, LocalDate rectificationDue, ReportStatus status, String writtenBy,
		Instant writtenAt, Instant submittedAt, String reviewedBy, Instant reviewedAt, String reviewComment,
		long rowVersion) {

	/** The written content, to start the next version from or to fill a form. */
	public ReportDraft content() {
		return new ReportDraft(this.findings, this.verdict, this.handling, this.accountability, this.personsAccountable,
				this.finesWan, this.casesFiled, this.detentions, this.enterprisesRectify, this.enterprisesClosed,
				this.enterpriseSide, this.regulatorSide, this.completion, this.rectificationDue);
	}

	/**
	 * The fields written as long texts, which a comparison shows sentence by sentence.
	 */
	public static final Set<String> TEXTS = Set.of("findings", "handling", "accountability", "enterpriseSide",
			"regulatorSide");

	/**
	 * The written parts by form field, in the order the form shows them, as text: verdict
	 * and completion by constant name, fines as a plain decimal, the date as ISO;
	 * {@code null} for a part not written.
	 */
	public Map<String, String> parts() {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("findings", this.findings);
		parts.put("verdict", shown(this.verdict));
		parts.put("handling", this.handling);
		parts.put("accountability", this.accountability);
		parts.put("personsAccountable", shown(this.personsAccountable));
		parts.put("finesWan", shown(this.finesWan));
		parts.put("casesFiled", shown(this.casesFiled));
		parts.put("detentions", shown(this.detentions));
		parts.put("enterprisesRectify", shown(this.enterprisesRectify));
		parts.put("enterprisesClosed", shown(this.enterprisesClosed));
		parts.put("enterpriseSide", this.enterpriseSide);
		parts.put("regulatorSide", this.regulatorSide);
		parts.put("completion", shown(this.completion));
		parts.put("rectificationDue", shown(this.rectificationDue));
		return Collections.unmodifiableMap(parts);
	}

	private static String shown(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		return (value != null) ? value.toString() : null;
	}

}
