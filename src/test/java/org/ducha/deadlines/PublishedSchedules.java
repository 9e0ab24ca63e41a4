package org.ducha.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The State Council schedules for 2024 to 2026, transcribed from the table in
 * {@code deadlines.md} independently of the migration, so that a test comparing the two
 * catches a slip in either.
 */
final class PublishedSchedules {

	private PublishedSchedules() {
	}

	static WorkingCalendar china2024to2026() {
		List<CalendarDay> days = new ArrayList<>();
		holidays(days, "2024-01-01", "2024-01-01", "元旦");
		holidays(days, "2024-02-10", "2024-02-17", "春节");
		holidays(days, "2024-04-04", "2024-04-06", "清明节");
		holidays(days, "2024-05-01", "2024-05-05", "劳动节");
		holidays(days, "2024-06-10", "2024-06-10", "端午节");
		holidays(days, "2024-09-15", "2024-09-17", "中秋节");
		holidays(days, "2024-10-01", "2024-10-07", "国庆节");
		makeUpDays(days, "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
				"2024-09-29", "2024-10-12");
		holidays(days, "2025-01-01", "2025-01-01", "元旦");
		holidays(days, "2025-01-28", "2025-02-04", "春节");
		holidays(days, "2025-04-04", "2025-04-06", "清明节");
		holidays(days, "2025-05-01", "2025-05-05", "劳动节");
		holidays(days, "2025-05-31", "2025-06-02", "端午节");
		holidays(days, "2025-10-01", "2025-10-08", "国庆节、中秋节");
		makeUpDays(days, "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
		holidays(days, "2026-01-01", "2026-01-03", "元旦");
		holidays(days, "2026-02-15", "2026-02-23", "春节");
		holidays(days, "2026-04-04", "2026-04-06", "清明节");
		holidays(days, "2026-05-01", "2026-05-05", "劳动节");
		holidays(days, "2026-06-19", "2026-06-21", "端午节");
		holidays(days, "2026-09-25", "2026-09-27", "中秋节");
		holidays(days, "2026-10-01", "2026-10-07", "国庆节");
		makeUpDays(days, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
		return WorkingCalendar.of(List.of(2024, 2025, 2026), days);
	}

	private static void holidays(List<CalendarDay> days, String first, String last, String name) {
		for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
			days.add(CalendarDay.holiday(day, name));
		}
	}

	private static void makeUpDays(List<CalendarDay> days, String... dates) {
		for (String date : dates) {
			days.add(CalendarDay.makeUpWorkday(LocalDate.parse(date)));
		}
	}

}
