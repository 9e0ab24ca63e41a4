package org.ducha.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;

/**
 * A year's schedule as an administrator types it from the State Council notice, checked
 * line by line before anything is written: every date well formed and inside the year, no
 * day given twice, and make-up working days on weekends that are not holidays.
 */
final class YearSchedule {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2099;

	static final String YEAR = "year";

	static final String HOLIDAYS = "holidays";

	static final String MAKE_UP_DAYS = "makeUpDays";

	private final int year;

	private final List<HolidayRange> holidays;

	private final List<LocalDate> makeUpDays;

	private YearSchedule(int year, List<HolidayRange> holidays, List<LocalDate> makeUpDays) {
		this.year = year;
		this.holidays = holidays;
		this.makeUpDays = makeUpDays;
	}

	/**
	 * Reads and checks a year's schedule, reporting every problem at once. Blank lines
	 * are ignored.
	 * @param year the year the schedule is for
	 * @param loadedYears the years already loaded, which cannot be added again
	 * @param holidayLines one range per line, {@code 2027-01-01..2027-01-03 元旦}
	 * @param makeUpLines one date per line, {@code 2027-02-07}
	 * @throws InvalidInput with a {@code calendar.year.*} problem for field {@code year},
	 * {@code calendar.holidays.*} for {@code holidays} and {@code calendar.makeUpDays.*}
	 * for {@code makeUpDays}, each naming the offending year or text
	 */
	static YearSchedule parse(int year, Collection<Integer> loadedYears, List<String> holidayLines,
			List<String> makeUpLines) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		boolean yearValid = year >= FIRST_YEAR && year <= LAST_YEAR;
		if (!yearValid) {
			problems.add(YEAR, "calendar.year.invalid", String.valueOf(year), String.valueOf(FIRST_YEAR),
					String.valueOf(LAST_YEAR));
		}
		else if (loadedYears.contains(year)) {
			problems.add(YEAR, "calendar.year.alreadyLoaded", String.valueOf(year));
		}
		Map<LocalDate, HolidayRange> holidayDays = new HashMap<>();
		List<HolidayRange> holidays = new ArrayList<>();
		for (String line : holidayLines) {
			if (line.isBlank()) {
				continue;
			}
			HolidayRange range;
			try {
				range = HolidayRange.parse(line);
			}
			catch (RuleViolation ex) {
				problems.add(HOLIDAYS, ex.code(), ex.args());
				continue;
			}
			holidays.add(range);
			for (LocalDate day : range.dates()) {
				if (yearValid && day.getYear() != year) {
					problems.add(HOLIDAYS, "calendar.holidays.outsideYear", day.toString(), String.valueOf(year));
					break;
				}
				HolidayRange earlier = holidayDays.putIfAbsent(day, range);
				if (earlier != null) {
					problems.add(HOLIDAYS, "calendar.holidays.overlap", earlier.toString(), range.toString());
					break;
				}
			}
		}
		if (holidays.isEmpty() && problems.isEmpty()) {
			problems.add(HOLIDAYS, "calendar.holidays.none", String.valueOf(year));
		}
		List<LocalDate> makeUpDays = new ArrayList<>();
		for (String line : makeUpLines) {
			if (!line.isBlank()) {
				makeUpDay(line.strip(), year, yearValid, holidayDays, makeUpDays, problems);
			}
		}
		problems.throwIfAny();
		return new YearSchedule(year, List.copyOf(holidays), List.copyOf(makeUpDays));
	}

	private static void makeUpDay(String text, int year, boolean yearValid, Map<LocalDate, HolidayRange> holidayDays,
			List<LocalDate> makeUpDays, InvalidInput.Collector problems) {
		LocalDate day;
		try {
			day = LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(MAKE_UP_DAYS, "calendar.makeUpDays.badDate", text);
			return;
		}
		if (yearValid && day.getYear() != year) {
			problems.add(MAKE_UP_DAYS, "calendar.makeUpDays.outsideYear", day.toString(), String.valueOf(year));
		}
		else if (makeUpDays.contains(day)) {
			problems.add(MAKE_UP_DAYS, "calendar.makeUpDays.duplicate", day.toString());
		}
		else if (holidayDays.containsKey(day)) {
			problems.add(MAKE_UP_DAYS, "calendar.makeUpDays.isHoliday", day.toString(), holidayDays.get(day).name());
		}
		else if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
			problems.add(MAKE_UP_DAYS, "calendar.makeUpDays.notWeekend", day.toString());
		}
		else {
			makeUpDays.add(day);
		}
	}

	int year() {
		return this.year;
	}

	/**
	 * Every holiday and make-up working day, one per date.
	 */
	List<CalendarDay> days() {
		List<CalendarDay> days = new ArrayList<>();
		for (HolidayRange range : this.holidays) {
			range.dates().forEach((day) -> days.add(CalendarDay.holiday(day, range.name())));
		}
		this.makeUpDays.forEach((day) -> days.add(CalendarDay.makeUpWorkday(day)));
		return days;
	}

	/**
	 * The schedule as the journal records it: the lines in their canonical form.
	 */
	Map<String, Object> journalData() {
		return Map.of("year", this.year, "holidays", this.holidays.stream().map(HolidayRange::toString).toList(),
				"makeUpDays", this.makeUpDays.stream().map(LocalDate::toString).toList());
	}

}
