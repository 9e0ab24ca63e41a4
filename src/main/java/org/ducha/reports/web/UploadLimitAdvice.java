package org.ducha.reports.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.ducha.petitions.EvidenceFiles;
import org.ducha.petitions.IntakeProblem;
import org.ducha.reports.BatchWorkbook;
import org.ducha.shared.Bilingual;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file above the servlet's multipart limit never reaches the controller (the request is
 * refused while it is parsed), so the import form is shown here with the same message as
 * the application's own size check, another page's upload gets the error page that
 * explains a 413, and an API client gets the message as a JSON 413.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private static final Pattern IMPORT = Pattern.compile(".*/batches/(\\d+)/import");

	private static final Pattern API_IMPORT = Pattern.compile(".*/api/batches/\\d+/import");

	private static final Pattern API_EVIDENCE = Pattern.compile(".*/api/petitions/\\d+/evidence");

	private final ImportPage page;

	private final BatchWorkbook workbook;

	private final IntakeProblemDetails problems;

	private final EvidenceFiles evidence;

	private final MessageSource messages;

	UploadLimitAdvice(ImportPage page, BatchWorkbook workbook, IntakeProblemDetails problems, EvidenceFiles evidence,
			MessageSource messages) {
		this.page = page;
		this.workbook = workbook;
		this.problems = problems;
		this.evidence = evidence;
		this.messages = messages;
	}

	/**
	 * The page's view name, or the API's problem detail: no handler was chosen yet, so
	 * the path alone tells which caller this is.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object uploadTooLarge(HttpServletRequest request, Locale locale, Model model) {
		if (API_EVIDENCE.matcher(request.getRequestURI()).matches()) {
			return evidenceTooLarge();
		}
		Matcher path = IMPORT.matcher(request.getRequestURI());
		if (!path.matches()) {
			return uploadTooLargePage();
		}
		boolean api = API_IMPORT.matcher(request.getRequestURI()).matches();
		boolean office = request.isUserInRole("OFFICE");
		if (api && !office) {
			// An exception thrown here would be dropped for the original one (a bare
			// 413).
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		if (!office) {
			throw new AccessDeniedException("only the office imports batches");
		}
		String limit = BatchWorkbook.megabytes(this.workbook.maxBytes());
		String size = BatchWorkbook.megabytes(Math.max(request.getContentLengthLong(), this.workbook.maxBytes() + 1));
		IntakeProblem tooLarge = new IntakeProblem(0, null, null, IntakeApiController.TOO_LARGE, size, limit);
		if (api) {
			return this.problems.response(HttpStatus.CONTENT_TOO_LARGE, List.of(tooLarge));
		}
		return this.page.show(Long.parseLong(path.group(1)), model, List.of(tooLarge), locale);
	}

	/**
	 * Another page's upload: the error page, which explains the 413 in the reader's
	 * language, rendered here rather than through the servlet's error dispatch, which
	 * would try to read the refused body again and answer an empty 413.
	 */
	private static ModelAndView uploadTooLargePage() {
		ModelAndView page = new ModelAndView("error", HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
		page.addObject("headingKey", "error.413");
		page.addObject("detailKey", "error.413.detail");
		return page;
	}

	/** The evidence API's own size message, as a JSON 413 like its other errors. */
	private ResponseEntity<ProblemDetail> evidenceTooLarge() {
		Bilingual message = Bilingual.of(this.messages, "handling.evidence.tooLarge",
				this.evidence.maxBytes() / (1024 * 1024));
		Map<String, String> problem = Map.of("field", "file", "code", message.code(), "zh", message.zh(), "en",
				message.en());
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(message.problem(HttpStatus.CONTENT_TOO_LARGE, List.of(problem)));
	}

}
