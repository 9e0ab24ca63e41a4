package org.ducha.reports.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.ducha.petitions.ImportOutcome;
import org.ducha.petitions.IntakeInProgress;
import org.ducha.petitions.IntakeProblem;
import org.ducha.petitions.IntakeRejected;
import org.ducha.reports.BatchIntake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The office imports a transferred batch's workbook through the API, by the same path as
 * the import page: all rows or none, and the same file twice adds nothing. A refused file
 * answers with every problem of every row; a file above the size limit with 413; an
 * import while another writes into the same round (the same file sent twice at once) with
 * 409.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasRole('OFFICE')")
class IntakeApiController {

	static final String TOO_LARGE = "intake.file.tooLarge";

	private final BatchIntake intake;

	private final IntakeProblemDetails problems;

	IntakeApiController(BatchIntake intake, IntakeProblemDetails problems) {
		this.intake = intake;
		this.problems = problems;
	}

	@PostMapping("/batches/{id}/import")
	Imported importBatch(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new IntakeRejected(List.of(new IntakeProblem(0, null, null, "intake.file.missing")));
		}
		try (InputStream in = file.getInputStream()) {
			return Imported.of(id, this.intake.importWorkbook(id, in, file.getSize()));
		}
	}

	@ExceptionHandler(IntakeInProgress.class)
	ResponseEntity<ProblemDetail> inProgress(IntakeInProgress inProgress) {
		return this.problems.response(HttpStatus.CONFLICT,
				List.of(new IntakeProblem(0, null, null, inProgress.code(), inProgress.args())));
	}

	@ExceptionHandler(IntakeRejected.class)
	ResponseEntity<ProblemDetail> rejected(IntakeRejected rejected) {
		boolean tooLarge = rejected.problems().stream().anyMatch((p) -> TOO_LARGE.equals(p.code()));
		return this.problems.response(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT,
				rejected.problems());
	}

	/**
	 * What an accepted import did.
	 *
	 * @param imported how many cases were registered
	 * @param alreadyPresent how many rows were already registered with the same content
	 * and were left alone
	 */
	record Imported(long batchId, int imported, int alreadyPresent, List<String> importedReceiptNumbers,
			List<String> alreadyPresentReceiptNumbers) {

		static Imported of(long batchId, ImportOutcome outcome) {
			return new Imported(batchId, outcome.imported().size(), outcome.unchanged().size(), outcome.imported(),
					outcome.unchanged());
		}

	}

}
