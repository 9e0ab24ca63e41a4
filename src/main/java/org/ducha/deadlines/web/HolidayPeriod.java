package org.ducha.deadlines.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.ducha.deadlines.CalendarDay;

/**
 * Consecutive holidays of the same name, as the State Council notice lists them. Its
 * methods are public for the template.
 *
 * @param first the first day off
 * @param last the last day off, inclusive
 * @param name the holiday's name
 */
record HolidayPeriod(LocalDate first, LocalDate last, String name) {

	public long days() {
		return ChronoUnit.DAYS.between(this.first, this.last) + 1;
	}

	public boolean singleDay() {
		return this.first.equals(this.last);
	}

	static List<HolidayPeriod> of(List<CalendarDay> days) {
		List<HolidayPeriod> periods = new ArrayList<>();
		for (CalendarDay day : days) {
			if (day.kind() != CalendarDay.Kind.HOLIDAY) {
				continue;
			}
			int lastIndex = periods.size() - 1;
			HolidayPeriod previous = (lastIndex >= 0) ? periods.get(lastIndex) : null;
			if (previous != null && previous.name().equals(day.name())
					&& previous.last().plusDays(1).equals(day.date())) {
				periods.set(lastIndex, new HolidayPeriod(previous.first(), day.date(), day.name()));
			}
			else {
				periods.add(new HolidayPeriod(day.date(), day.date(), day.name()));
			}
		}
		return periods;
	}

}
