package org.ducha.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The problems of a submitted form, resolved to the user's language: templates show them
 * all in an error summary at the top (each a link to its field) and each beside its
 * field.
 */
public final class FormErrors {

	/** One resolved problem; {@code field} is {@code null} for the form as a whole. */
	public record Error(String field, String message) {

		public String anchor() {
			return "#" + ((this.field != null) ? this.field : "main-content");
		}

	}

	private final List<Error> errors = new ArrayList<>();

	public static FormErrors none() {
		return new FormErrors();
	}

	public static FormErrors of(RuleViolation violation, MessageSource messages, Locale locale) {
		FormErrors errors = new FormErrors();
		if (violation instanceof InvalidInput invalid) {
			for (InvalidInput.Problem problem : invalid.problems()) {
				errors.errors.add(new Error(problem.field(),
						messages.getMessage(problem.code(), problem.args(), problem.code(), locale)));
			}
		}
		else {
			errors.errors.add(
					new Error(null, messages.getMessage(violation.code(), violation.args(), violation.code(), locale)));
		}
		return errors;
	}

	/**
	 * The same problems with those of field {@code from} tied to field {@code to}
	 * instead, for a page whose forms send the same parameter (a note on each of several
	 * requests) or one that another form on the page uses too.
	 */
	public FormErrors renamed(String from, String to) {
		FormErrors renamed = new FormErrors();
		for (Error error : this.errors) {
			renamed.errors.add(from.equals(error.field()) ? new Error(to, error.message()) : error);
		}
		return renamed;
	}

	public boolean any() {
		return !this.errors.isEmpty();
	}

	public List<Error> all() {
		return List.copyOf(this.errors);
	}

	public boolean has(String field) {
		return this.errors.stream().anyMatch((e) -> field.equals(e.field()));
	}

	/** The messages for one field. */
	public List<String> of(String field) {
		return this.errors.stream().filter((e) -> field.equals(e.field())).map(Error::message).toList();
	}

}
