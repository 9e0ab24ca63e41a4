package org.ducha.reports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ducha.petitions.ImportOutcome;
import org.ducha.petitions.IntakeInProgress;
import org.ducha.petitions.IntakeProblem;
import org.ducha.petitions.IntakeRejected;
import org.ducha.petitions.PetitionManagement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports a transferred batch from its workbook: all rows or none, and a repeated import
 * of the same file adds nothing. A refused file is told every problem of every row at
 * once: those of its cells and those of its cases against each other and the stored ones.
 */
@Service
public class BatchIntake {

	/**
	 * Rows first, and within a row the columns in the template's order, the row or file
	 * as a whole before its columns.
	 */
	private static final Comparator<IntakeProblem> SHEET_ORDER = Comparator.comparingInt(IntakeProblem::row)
		.thenComparingInt((p) -> (p.field() != null) ? p.field().ordinal() + 1 : 0);

	private final BatchWorkbook workbook;

	private final PetitionManagement petitions;

	BatchIntake(BatchWorkbook workbook, PetitionManagement petitions) {
		this.workbook = workbook;
		this.petitions = petitions;
	}

	/**
	 * Reads the workbook and imports its cases into the batch.
	 * @param size the file's size as uploaded
	 * @throws IntakeRejected with every problem of the file, its cells and the cases
	 * against those already stored, each naming its spreadsheet row, in the sheet's order
	 * @throws IntakeInProgress while another import writes into the batch's round
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public ImportOutcome importWorkbook(long batchId, InputStream in, long size) {
		IntakeSheet sheet = this.workbook.read(in, size);
		if (!sheet.problems().isEmpty()) {
			List<IntakeProblem> cases = sheet.petitions().isEmpty() ? List.of()
					: this.petitions.checkBatch(batchId, sheet.petitions(), 1);
			throw new IntakeRejected(merged(sheet.problems(), onSheet(cases, sheet.rowNumbers())));
		}
		try {
			return this.petitions.importBatch(batchId, sheet.petitions(), 1);
		}
		catch (IntakeRejected ex) {
			throw new IntakeRejected(sorted(onSheet(ex.problems(), sheet.rowNumbers())));
		}
	}

	/**
	 * The sheet's problems and those of its cases, less a case's "required" for a field
	 * the sheet has already named: a cell that could not be read leaves its field empty
	 * in the case, which the petitions feature would report again as missing, and a
	 * missing column would be reported again in every row.
	 */
	private static List<IntakeProblem> merged(List<IntakeProblem> sheet, List<IntakeProblem> cases) {
		Set<String> named = new HashSet<>();
		for (IntakeProblem problem : sheet) {
			if (problem.field() != null) {
				boolean column = problem.code().startsWith("intake.column.");
				named.add((column ? "column" : problem.row()) + ":" + problem.field());
			}
		}
		List<IntakeProblem> all = new ArrayList<>(sheet);
		for (IntakeProblem problem : cases) {
			boolean again = "intake.required".equals(problem.code()) && problem.field() != null
					&& (named.contains(problem.row() + ":" + problem.field())
							|| named.contains("column:" + problem.field()));
			if (!again) {
				all.add(problem);
			}
		}
		return sorted(all);
	}

	private static List<IntakeProblem> sorted(List<IntakeProblem> problems) {
		return problems.stream().sorted(SHEET_ORDER).toList();
	}

	/**
	 * The petitions feature numbers rows from 1 in list order; blank rows and the rows
	 * above the headings were skipped, so give each problem (and a "first seen in row"
	 * argument) its spreadsheet row back.
	 */
	private static List<IntakeProblem> onSheet(List<IntakeProblem> problems, List<Integer> rowNumbers) {
		return problems.stream().map((p) -> onSheet(p, rowNumbers)).toList();
	}

	private static IntakeProblem onSheet(IntakeProblem problem, List<Integer> rowNumbers) {
		if (problem.row() <= 0) {
			return problem;
		}
		Object[] args = problem.args().clone();
		if ("intake.receiptNumber.duplicate".equals(problem.code()) && args.length > 0
				&& args[0] instanceof Integer first) {
			args[0] = rowNumbers.get(first - 1);
		}
		return new IntakeProblem(rowNumbers.get(problem.row() - 1), problem.field(), problem.value(), problem.code(),
				args);
	}

}
