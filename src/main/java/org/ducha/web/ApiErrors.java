package org.ducha.web;

import java.util.ArrayList;
import java.util.List;

import org.ducha.shared.Bilingual;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the JSON API as RFC 9457 problem details that name what was wrong in Chinese
 * and in English, whatever language the caller asked for: an API client is often a script
 * whose log is read by someone else. Every problem carries the field it concerns (or none
 * for the request as a whole) and its message code, which is stable and meant for
 * programs.
 * <p>
 * A broken rule is 422, a stale version 409, something missing 404, a role or unit scope
 * that may not 403 (as on the pages); nothing was written in any of these cases, because
 * every service method throws before it writes or inside its transaction.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(EditConflict.class)
	ProblemDetail conflict(EditConflict conflict) {
		return problem(HttpStatus.CONFLICT, conflict);
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail violation(RuleViolation violation) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, violation);
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound notFound) {
		return problem(HttpStatus.NOT_FOUND, new RuleViolation("api.notFound"));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail unreadable(Exception unreadable) {
		return problem(HttpStatus.BAD_REQUEST, new RuleViolation("api.unreadable"));
	}

	private ProblemDetail problem(HttpStatus status, RuleViolation violation) {
		List<ApiProblem> problems = new ArrayList<>();
		Bilingual first = Bilingual.of(this.messages, violation.code(), violation.args());
		if (violation instanceof InvalidInput invalid && !invalid.problems().isEmpty()) {
			for (InvalidInput.Problem problem : invalid.problems()) {
				problems
					.add(ApiProblem.of(problem.field(), Bilingual.of(this.messages, problem.code(), problem.args())));
			}
		}
		else {
			problems.add(ApiProblem.of(null, first));
		}
		return first.problem(status, problems);
	}

	/**
	 * One problem in both languages.
	 *
	 * @param field the request field, or {@code null} for the request as a whole
	 * @param code the stable message code
	 * @param zh the message in Chinese
	 * @param en the message in English
	 */
	record ApiProblem(String field, String code, String zh, String en) {

		static ApiProblem of(String field, Bilingual message) {
			return new ApiProblem(field, message.code(), message.zh(), message.en());
		}

	}

}
