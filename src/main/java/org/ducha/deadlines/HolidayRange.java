package org.ducha.deadlines;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.ducha.shared.RuleViolation;

/**
 * One line of a published schedule: a holiday from its first to its last day, inclusive,
 * with its name. Written {@code 2027-01-01..2027-01-03 元旦}, or {@code 2027-06-10 端午节} for
 * a single day.
 */
record HolidayRange(LocalDate first, LocalDate last, String name) {

	static final int MAX_NAME_LENGTH = 64;

	private static final String TO = "..";

	/**
	 * Reads one line.
	 * @throws RuleViolation {@code calendar.holidays.*} naming the offending text
	 */
	static HolidayRange parse(String line) {
		// The ideographic space is what a Chinese input method types between date and
		// name.
		String[] parts = line.strip().split("[\\s\u3000]+", 2);
		int to = parts[0].indexOf(TO);
		LocalDate first = date((to < 0) ? parts[0] : parts[0].substring(0, to));
		LocalDate last = (to < 0) ? first : date(parts[0].substring(to + TO.length()));
		if (last.isBefore(first)) {
			throw new RuleViolation("calendar.holidays.reversed", line.strip());
		}
		if (parts.length < 2) {
			throw new RuleViolation("calendar.holidays.nameMissing", line.strip());
		}
		String name = parts[1].strip();
		if (name.length() > MAX_NAME_LENGTH) {
			throw new RuleViolation("calendar.holidays.nameTooLong", name, String.valueOf(MAX_NAME_LENGTH));
		}
		return new HolidayRange(first, last, name);
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation("calendar.holidays.badDate", text);
		}
	}

	List<LocalDate> dates() {
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate day = this.first; !day.isAfter(this.last); day = day.plusDays(1)) {
			dates.add(day);
		}
		return dates;
	}

	/**
	 * The line as it should be written, which {@link #parse(String)} reads back.
	 */
	@Override
	public String toString() {
		return (this.first.equals(this.last) ? this.first.toString() : this.first + TO + this.last) + " " + this.name;
	}

}
