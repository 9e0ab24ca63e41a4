package org.ducha.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ducha.shared.RuleViolation;

/**
 * A year's schedule as an administrator types it from the State Council notice, checked
 * line by line before anything is written: every date well formed and inside the year, no
 * day given twice, and make-up working days on weekends that are not holidays.
 */
final class YearSchedule {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2099;

	private final int year;

	private final List<HolidayRange> holidays;

	private final List<LocalDate> makeUpDays;

	private YearSchedule(int year, List<HolidayRange> holidays, List<LocalDate> makeUpDays) {
		this.year = year;
		this.holidays = holidays;
		this.makeUpDays = makeUpDays;
	}

	/**
	 * Reads and checks a year's schedule. Blank lines are ignored.
	 * @param year the year the schedule is for
	 * @param holidayLines one range per line, {@code 2027-01-01..2027-01-03 元旦}
	 * @param makeUpLines one date per line, {@code 2027-02-07}
	 * @throws RuleViolation {@code calendar.year.*}, {@code calendar.holidays.*} or
	 * {@code calendar.makeUpDays.*} for the first problem found
	 */
	static YearSchedule parse(int year, List<String> holidayLines, List<String> makeUpLines) {
		checkYear(year);
		Map<LocalDate, HolidayRange> holidayDays = new LinkedHashMap<>();
		List<HolidayRange> holidays = new ArrayList<>();
		for (String line : holidayLines) {
			if (line.isBlank()) {
				continue;
			}
			HolidayRange range = HolidayRange.parse(line);
			for (LocalDate day : range.dates()) {
				if (day.getYear() != year) {
					throw new RuleViolation("calendar.holidays.outsideYear", day.toString(), String.valueOf(year));
				}
				HolidayRange earlier = holidayDays.put(day, range);
				if (earlier != null) {
					throw new RuleViolation("calendar.holidays.overlap", earlier.toString(), range.toString());
				}
			}
			holidays.add(range);
		}
		if (holidays.isEmpty()) {
			throw new RuleViolation("calendar.holidays.none", String.valueOf(year));
		}
		List<LocalDate> makeUpDays = new ArrayList<>();
		for (String line : makeUpLines) {
			if (line.isBlank()) {
				continue;
			}
			LocalDate day = makeUpDay(line.strip());
			if (day.getYear() != year) {
				throw new RuleViolation("calendar.makeUpDays.outsideYear", day.toString(), String.valueOf(year));
			}
			if (makeUpDays.contains(day)) {
				throw new RuleViolation("calendar.makeUpDays.duplicate", day.toString());
			}
			if (holidayDays.containsKey(day)) {
				throw new RuleViolation("calendar.makeUpDays.isHoliday", day.toString(), holidayDays.get(day).name());
			}
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				throw new RuleViolation("calendar.makeUpDays.notWeekend", day.toString());
			}
			makeUpDays.add(day);
		}
		return new YearSchedule(year, List.copyOf(holidays), List.copyOf(makeUpDays));
	}

	static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new RuleViolation("calendar.year.invalid", String.valueOf(year), String.valueOf(FIRST_YEAR),
					String.valueOf(LAST_YEAR));
		}
	}

	private static LocalDate makeUpDay(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation("calendar.makeUpDays.badDate", text);
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
