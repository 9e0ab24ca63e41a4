package org.ducha.reports.web;

import java.util.List;

import org.ducha.petitions.IntakeField;
import org.ducha.petitions.IntakeProblem;
import org.ducha.shared.Bilingual;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A refused import as a JSON problem detail in the shape of the API's other errors, each
 * problem naming its spreadsheet row, column, field and reason in Chinese and English.
 * The complainant's columns never carry their value back.
 */
@Component
class IntakeProblemDetails {

	private final MessageSource messages;

	IntakeProblemDetails(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<ProblemDetail> response(HttpStatus status, List<IntakeProblem> problems) {
		List<RowProblem> rows = problems.stream().map(this::resolve).toList();
		String code = (problems.size() == 1) ? problems.get(0).code() : "intake.rejected";
		Object[] args = (problems.size() == 1) ? problems.get(0).args() : new Object[] { problems.size() };
		return ResponseEntity.status(status).body(Bilingual.of(this.messages, code, args).problem(status, rows));
	}

	private RowProblem resolve(IntakeProblem problem) {
		IntakeField field = problem.field();
		boolean sealed = field == IntakeField.COMPLAINANT_NAME || field == IntakeField.COMPLAINANT_PHONE;
		Bilingual message = Bilingual.of(this.messages, problem.code(), problem.args());
		return new RowProblem(problem.row(), (field != null) ? field.heading() : null,
				(field != null) ? field.formField() : null, sealed ? null : problem.value(), problem.code(),
				message.zh(), message.en(), problem.link());
	}

	/**
	 * One problem of a refused file.
	 *
	 * @param row the spreadsheet row (the headings are row 1), or 0 for the file as a
	 * whole
	 * @param column the column heading as in the template, or {@code null} for a whole
	 * row or the file
	 * @param field the field's name as in the hand-entry API, or {@code null}
	 * @param value the offending value as found, or {@code null}
	 * @param link the page where the office resolves the problem, or {@code null}: for
	 * {@code intake.conflict}, the registered case's correction page
	 */
	record RowProblem(int row, String column, String field, String value, String code, String zh, String en,
			String link) {
	}

}
