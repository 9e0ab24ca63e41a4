package org.ducha.deadlines.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.ducha.deadlines.CalendarDay;
import org.ducha.deadlines.WorkingCalendar;

/**
 * One month of the calendar page: weeks from Monday to Sunday, as Chinese calendars print
 * them, each cell a day of the month or an empty cell.
 *
 * @param month 1 to 12
 * @param weeks rows of seven cells
 */
record MonthGrid(int month, List<List<Cell>> weeks) {

	/**
	 * One cell; {@code date} is {@code null} for a cell outside the month. Its methods
	 * are public for the template.
	 */
	record Cell(LocalDate date, CalendarDay special) {

		public boolean holiday() {
			return this.special != null && this.special.kind() == CalendarDay.Kind.HOLIDAY;
		}

		public boolean makeUpWorkday() {
			return this.special != null && this.special.kind() == CalendarDay.Kind.WORKDAY;
		}

		public boolean weekend() {
			return this.date != null
					&& (this.date.getDayOfWeek() == DayOfWeek.SATURDAY || this.date.getDayOfWeek() == DayOfWeek.SUNDAY);
		}

	}

	static List<MonthGrid> year(int year, WorkingCalendar calendar) {
		List<CalendarDay> days = calendar.daysOf(year);
		List<MonthGrid> months = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			months.add(of(YearMonth.of(year, month), days));
		}
		return months;
	}

	private static MonthGrid of(YearMonth month, List<CalendarDay> specialDays) {
		List<List<Cell>> weeks = new ArrayList<>();
		List<Cell> week = new ArrayList<>();
		int blanks = month.atDay(1).getDayOfWeek().getValue() - 1;
		for (int i = 0; i < blanks; i++) {
			week.add(new Cell(null, null));
		}
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			LocalDate date = month.atDay(day);
			week.add(
					new Cell(date, specialDays.stream().filter((d) -> d.date().equals(date)).findFirst().orElse(null)));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(new Cell(null, null));
			}
			weeks.add(week);
		}
		return new MonthGrid(month.getMonthValue(), weeks);
	}

}
