package org.ducha.petitions.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.ducha.petitions.Completion;
import org.ducha.petitions.ReportDraft;
import org.ducha.petitions.Verdict;
import org.ducha.shared.InvalidInput;

/**
 * What the handling report form submits: figures and the date as typed, so that a value
 * that is not a number comes back to the form with a message rather than as a bad
 * request.
 */
record ReportForm(String findings, Verdict verdict, String handling, String accountability, String personsAccountable,
		String finesWan, String casesFiled, String detentions, String enterprisesRectify, String enterprisesClosed,
		String enterpriseSide, String regulatorSide, Completion completion, String rectificationDue) {

	static ReportForm of(ReportDraft d) {
		return new ReportForm(d.findings(), d.verdict(), d.handling(), d.accountability(), text(d.personsAccountable()),
				(d.finesWan() != null) ? d.finesWan().stripTrailingZeros().toPlainString() : null, text(d.casesFiled()),
				text(d.detentions()), text(d.enterprisesRectify()), text(d.enterprisesClosed()), d.enterpriseSide(),
				d.regulatorSide(), d.completion(),
				(d.rectificationDue() != null) ? d.rectificationDue().toString() : null);
	}

	/**
	 * The draft the form describes.
	 * @throws InvalidInput naming each figure or date that cannot be read
	 */
	ReportDraft toDraft() {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		Integer persons = integer(problems, "personsAccountable", this.personsAccountable);
		BigDecimal fines = null;
		if (present(this.finesWan)) {
			try {
				fines = new BigDecimal(this.finesWan.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new InvalidInput.Problem("finesWan", "handling.report.finesWan.format"));
			}
		}
		Integer cases = integer(problems, "casesFiled", this.casesFiled);
		Integer detained = integer(problems, "detentions", this.detentions);
		Integer rectify = integer(problems, "enterprisesRectify", this.enterprisesRectify);
		Integer closed = integer(problems, "enterprisesClosed", this.enterprisesClosed);
		LocalDate due = null;
		if (present(this.rectificationDue)) {
			try {
				due = LocalDate.parse(this.rectificationDue.strip());
			}
			catch (DateTimeParseException ex) {
				problems.add(new InvalidInput.Problem("rectificationDue", "handling.report.rectificationDue.invalid",
						this.rectificationDue));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new ReportDraft(this.findings, this.verdict, this.handling, this.accountability, persons, fines, cases,
				detained, rectify, closed, this.enterpriseSide, this.regulatorSide, this.completion, due);
	}

	private static Integer integer(List<InvalidInput.Problem> problems, String field, String value) {
		if (!present(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidInput.Problem(field, "handling.report.figure.invalid", value));
			return null;
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static String text(Integer value) {
		return (value != null) ? value.toString() : null;
	}

}
