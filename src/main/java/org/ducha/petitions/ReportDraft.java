package org.ducha.petitions;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the lead unit writes in its handling report. Any part may be missing in a draft;
 * {@link HandlingReports#submit} requires them.
 *
 * @param findings 调查核实情况
 * @param handling 处理和整改情况
 * @param accountability 责任追究情况
 * @param personsAccountable persons held accountable (问责人数)
 * @param finesWan fines in 万元
 * @param casesFiled cases filed (立案)
 * @param detentions persons detained (拘留)
 * @param enterprisesRectify enterprises ordered to rectify (责令整改)
 * @param enterprisesClosed enterprises closed (关停取缔)
 * @param enterpriseSide the enterprise side of the dual investigation (一案双查)
 * @param regulatorSide the regulator side of the dual investigation
 * @param rectificationDue the date the rectification will be done, for a staged
 * completion
 */
public record ReportDraft(String findings, Verdict verdict, String handling, String accountability,
		Integer personsAccountable, BigDecimal finesWan, Integer casesFiled, Integer detentions,
		Integer enterprisesRectify, Integer enterprisesClosed, String enterpriseSide, String regulatorSide,
		Completion completion, LocalDate rectificationDue) {

	/** An empty draft. */
	public static ReportDraft empty() {
		return new ReportDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
