package org.ducha.reports.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.ducha.petitions.IntakeProblem;
import org.ducha.reports.BatchWorkbook;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file above the servlet's multipart limit never reaches the controller (the request is
 * refused while it is parsed), so the import form is shown here with the same message as
 * the application's own size check.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private static final Pattern IMPORT = Pattern.compile(".*/batches/(\\d+)/import");

	private final ImportPage page;

	private final BatchWorkbook workbook;

	UploadLimitAdvice(ImportPage page, BatchWorkbook workbook) {
		this.page = page;
		this.workbook = workbook;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String uploadTooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, Locale locale, Model model)
			throws MaxUploadSizeExceededException {
		Matcher path = IMPORT.matcher(request.getRequestURI());
		if (!path.matches()) {
			throw ex;
		}
		if (!request.isUserInRole("OFFICE")) {
			throw new AccessDeniedException("only the office imports batches");
		}
		String limit = BatchWorkbook.megabytes(this.workbook.maxBytes());
		String size = BatchWorkbook.megabytes(Math.max(request.getContentLengthLong(), this.workbook.maxBytes() + 1));
		return this.page.show(Long.parseLong(path.group(1)), model,
				List.of(new IntakeProblem(0, null, null, "intake.file.tooLarge", size, limit)), locale);
	}

}
