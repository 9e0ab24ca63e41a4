package org.ducha.petitions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ducha.shared.InvalidInput;

/**
 * What a handling report must satisfy: a draft only that nothing is too long or negative,
 * a submitted report also that every part is there. Problems name the form field they
 * concern, so that the form can show them all at once.
 */
final class ReportRules {

	static final int LONG_TEXT = 8000;

	static final int TEXT = 4000;

	private static final BigDecimal MAX_FINES = new BigDecimal("9999999999.99");

	private ReportRules() {
	}

	/** Problems that stop a draft from being saved at all. */
	static List<InvalidInput.Problem> draftProblems(ReportDraft draft) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		length(problems, "findings", draft.findings(), LONG_TEXT);
		length(problems, "handling", draft.handling(), LONG_TEXT);
		length(problems, "accountability", draft.accountability(), TEXT);
		length(problems, "enterpriseSide", draft.enterpriseSide(), TEXT);
		length(problems, "regulatorSide", draft.regulatorSide(), TEXT);
		figures(draft).forEach((field, value) -> {
			if (value != null && value.signum() < 0) {
				add(problems, field, "handling.report." + field + ".negative");
			}
		});
		BigDecimal fines = draft.finesWan();
		if (fines != null && fines.signum() >= 0
				&& (fines.stripTrailingZeros().scale() > 2 || fines.compareTo(MAX_FINES) > 0)) {
			add(problems, "finesWan", "handling.report.finesWan.format");
		}
		return problems;
	}

	/**
	 * Problems that stop a report from being submitted, every one of them.
	 * @param today the date in the installation's zone, to refuse a rectification date
	 * already past
	 */
	static List<InvalidInput.Problem> submissionProblems(ReportDraft report, LocalDate today) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		required(problems, "findings", report.findings());
		if (report.verdict() == null) {
			add(problems, "verdict", "handling.report.verdict.required");
		}
		required(problems, "handling", report.handling());
		required(problems, "accountability", report.accountability());
		figures(report).forEach((field, value) -> {
			if (value == null) {
				add(problems, field, "handling.report." + field + ".required");
			}
		});
		if (report.completion() == null) {
			add(problems, "completion", "handling.report.completion.required");
		}
		else if (report.completion() == Completion.STAGED) {
			if (report.rectificationDue() == null) {
				add(problems, "rectificationDue", "handling.report.rectificationDue.required");
			}
			else if (report.rectificationDue().isBefore(today)) {
				add(problems, "rectificationDue", "handling.report.rectificationDue.past");
			}
		}
		problems.addAll(draftProblems(report));
		return problems;
	}

	/** The figures by form field, in the order the form shows them. */
	static Map<String, BigDecimal> figures(ReportDraft draft) {
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		figures.put("personsAccountable", decimal(draft.personsAccountable()));
		figures.put("finesWan", draft.finesWan());
		figures.put("casesFiled", decimal(draft.casesFiled()));
		figures.put("detentions", decimal(draft.detentions()));
		figures.put("enterprisesRectify", decimal(draft.enterprisesRectify()));
		figures.put("enterprisesClosed", decimal(draft.enterprisesClosed()));
		return figures;
	}

	private static BigDecimal decimal(Integer value) {
		return (value != null) ? BigDecimal.valueOf(value) : null;
	}

	private static void required(List<InvalidInput.Problem> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			add(problems, field, "handling.report." + field + ".required");
		}
	}

	private static void length(List<InvalidInput.Problem> problems, String field, String value, int max) {
		if (value != null && value.length() > max) {
			add(problems, field, "form.tooLong", max);
		}
	}

	private static void add(List<InvalidInput.Problem> problems, String field, String code, Object... args) {
		problems.add(new InvalidInput.Problem(field, code, args));
	}

}
