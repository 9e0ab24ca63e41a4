package org.ducha.reports;

import java.io.InputStream;
import java.util.List;

import org.ducha.petitions.ImportOutcome;
import org.ducha.petitions.IntakeProblem;
import org.ducha.petitions.IntakeRejected;
import org.ducha.petitions.PetitionManagement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports a transferred batch from its workbook: all rows or none, and a repeated import
 * of the same file adds nothing.
 */
@Service
public class BatchIntake {

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
	 * against those already stored, each naming its spreadsheet row
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public ImportOutcome importWorkbook(long batchId, InputStream in, long size) {
		IntakeSheet sheet = this.workbook.read(in, size);
		try {
			return this.petitions.importBatch(batchId, sheet.petitions(), 1);
		}
		catch (IntakeRejected ex) {
			throw new IntakeRejected(ex.problems().stream().map((p) -> onSheet(p, sheet.rowNumbers())).toList());
		}
	}

	/**
	 * The petitions feature numbers rows from 1 in list order; blank rows were skipped,
	 * so give each problem (and a "first seen in row" argument) its spreadsheet row back.
	 */
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
