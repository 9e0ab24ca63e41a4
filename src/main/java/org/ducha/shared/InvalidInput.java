package org.ducha.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Input that breaks one or more rules, each tied to the field it concerns, so that a form
 * can show every problem at once. Nothing was written.
 */
public class InvalidInput extends RuleViolation {

	private final transient List<Problem> problems;

	public InvalidInput(List<Problem> problems) {
		super(problems.isEmpty() ? "error.invalid" : problems.get(0).code(),
				problems.isEmpty() ? new Object[0] : problems.get(0).args());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One problem with one field.
	 *
	 * @param field the form field, or {@code null} for the form as a whole
	 * @param code the message key
	 * @param args the message arguments
	 */
	public record Problem(String field, String code, Object... args) {

	}

	/** Collects problems and throws them together. */
	public static final class Collector {

		private final List<Problem> problems = new ArrayList<>();

		public Collector add(String field, String code, Object... args) {
			this.problems.add(new Problem(field, code, args));
			return this;
		}

		/**
		 * Reads a date typed in a form (year-month-day, as a browser's date input sends
		 * it), recording {@code form.date.invalid} for {@code field} when it cannot be
		 * read.
		 * @return the date, or {@code null} when none was typed or it cannot be read
		 */
		public LocalDate date(String field, String typed) {
			if (typed == null || typed.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(typed.strip());
			}
			catch (DateTimeParseException ex) {
				add(field, "form.date.invalid", typed);
				return null;
			}
		}

		public boolean isEmpty() {
			return this.problems.isEmpty();
		}

		public void throwIfAny() {
			if (!this.problems.isEmpty()) {
				throw new InvalidInput(this.problems);
			}
		}

	}

}
