package org.ducha.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day on which the working calendar departs from "Monday to Friday".
 *
 * @param date the day
 * @param kind a public holiday, or a make-up working day
 * @param name the holiday's name (元旦, 春节...), or {@code null} for a make-up working day
 */
public record CalendarDay(LocalDate date, Kind kind, String name) {

	/**
	 * The two ways a day departs from the week.
	 */
	public enum Kind {

		/** A public holiday (法定节假日), not worked even on a weekday. */
		HOLIDAY,
		/** A make-up working day (调休上班), worked even on a weekend. */
		WORKDAY

	}

	public CalendarDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		if (kind == Kind.HOLIDAY && (name == null || name.isBlank())) {
			throw new IllegalArgumentException("A holiday needs a name: " + date);
		}
	}

	static CalendarDay holiday(LocalDate date, String name) {
		return new CalendarDay(date, Kind.HOLIDAY, name);
	}

	static CalendarDay makeUpWorkday(LocalDate date) {
		return new CalendarDay(date, Kind.WORKDAY, null);
	}

}
