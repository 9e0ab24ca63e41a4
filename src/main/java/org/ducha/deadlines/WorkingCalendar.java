package org.ducha.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which days are worked: Monday to Friday, minus the public holidays, plus the make-up
 * working days that the State Council publishes each year. Knows which years are loaded;
 * a year that is not loaded counts weekdays only, and a deadline that relied on it must
 * say so (see {@link Due#yearsNotLoaded()}). Immutable.
 */
public final class WorkingCalendar {

	private final SortedSet<Integer> loadedYears;

	private final NavigableMap<LocalDate, CalendarDay> days;

	private WorkingCalendar(Collection<Integer> loadedYears, Collection<CalendarDay> days) {
		this.loadedYears = Collections.unmodifiableSortedSet(new TreeSet<>(loadedYears));
		TreeMap<LocalDate, CalendarDay> byDate = new TreeMap<>();
		for (CalendarDay day : days) {
			if (!this.loadedYears.contains(day.date().getYear())) {
				throw new IllegalArgumentException("Day of a year that is not loaded: " + day);
			}
			if (byDate.put(day.date(), day) != null) {
				throw new IllegalArgumentException("Day given twice: " + day.date());
			}
		}
		this.days = Collections.unmodifiableNavigableMap(byDate);
	}

	/**
	 * A calendar with the given years loaded.
	 * @param loadedYears the years whose schedule is known
	 * @param days their holidays and make-up working days
	 */
	static WorkingCalendar of(Collection<Integer> loadedYears, Collection<CalendarDay> days) {
		return new WorkingCalendar(loadedYears, days);
	}

	/**
	 * A calendar with no year loaded: weekdays only.
	 */
	public static WorkingCalendar weekdaysOnly() {
		return new WorkingCalendar(List.of(), List.of());
	}

	public boolean isWorkingDay(LocalDate date) {
		CalendarDay special = this.days.get(date);
		if (special != null) {
			return special.kind() == CalendarDay.Kind.WORKDAY;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * Whether the year's schedule is loaded, so that its working days are known rather
	 * than guessed from the weekdays.
	 */
	public boolean isLoaded(int year) {
		return this.loadedYears.contains(year);
	}

	public SortedSet<Integer> loadedYears() {
		return this.loadedYears;
	}

	/**
	 * The holidays and make-up working days of a year, in date order; empty when the year
	 * is not loaded.
	 */
	public List<CalendarDay> daysOf(int year) {
		return List.copyOf(this.days.subMap(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).values());
	}

}
