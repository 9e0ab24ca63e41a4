package org.ducha.reports.web;

import java.util.List;
import java.util.Locale;

import org.ducha.petitions.IntakeProblem;
import org.ducha.reports.BatchWorkbook;
import org.ducha.rounds.Batch;
import org.ducha.rounds.RoundQueries;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The upload form of a batch, with the problems of a refused file as a table (row,
 * column, value, reason) in the user's language.
 */
@Component
class ImportPage {

	private final RoundQueries rounds;

	private final MessageSource messages;

	private final BatchWorkbook workbook;

	ImportPage(RoundQueries rounds, MessageSource messages, BatchWorkbook workbook) {
		this.rounds = rounds;
		this.messages = messages;
		this.workbook = workbook;
	}

	String show(long batchId, Model model, List<IntakeProblem> problems, Locale locale) {
		Batch batch = this.rounds.batch(batchId);
		model.addAttribute("batch", batch);
		model.addAttribute("round", this.rounds.round(batch.roundId()));
		model.addAttribute("maxSize", BatchWorkbook.megabytes(this.workbook.maxBytes()));
		model.addAttribute("maxRows", this.workbook.maxRows());
		model.addAttribute("problems", problems.stream().map((p) -> line(p, locale)).toList());
		return "reports/import";
	}

	private ProblemLine line(IntakeProblem problem, Locale locale) {
		String column = (problem.field() != null) ? problem.field().heading() : null;
		String reason = this.messages.getMessage(problem.code(), problem.args(), problem.code(), locale);
		return new ProblemLine(problem.row(), column, problem.value(), reason, problem.link());
	}

	/**
	 * One row of the problem table.
	 *
	 * @param row the spreadsheet row, 0 for the file as a whole
	 * @param column the column heading, or {@code null} for the row or file as a whole
	 * @param link a page where the problem is resolved (a conflicting case's correction
	 * page), or {@code null}
	 */
	record ProblemLine(int row, String column, String value, String reason, String link) {

		public boolean wholeFile() {
			return this.row == 0;
		}

	}

}
