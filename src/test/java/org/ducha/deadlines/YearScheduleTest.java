package org.ducha.deadlines;

import java.time.LocalDate;
import java.util.List;

import org.ducha.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class YearScheduleTest {

	private static final List<String> NEW_YEAR = List.of("2027-01-01 元旦");

	@Test
	void holidayRangeBecomesOneHolidayPerDay() {
		YearSchedule schedule = YearSchedule.parse(2027, List.of("2027-01-01..2027-01-03 元旦"), List.of());

		assertThat(schedule.days()).containsExactly(holiday("2027-01-01", "元旦"), holiday("2027-01-02", "元旦"),
				holiday("2027-01-03", "元旦"));
	}

	@Test
	void makeUpDayBecomesAWorkday() {
		YearSchedule schedule = YearSchedule.parse(2027, NEW_YEAR, List.of("2027-02-07"));

		assertThat(schedule.days()).contains(CalendarDay.makeUpWorkday(LocalDate.parse("2027-02-07")));
	}

	@Test
	void nameMayFollowAnIdeographicSpace() {
		YearSchedule schedule = YearSchedule.parse(2027, List.of("2027-06-09\u3000端午节"), List.of());

		assertThat(schedule.days()).containsExactly(holiday("2027-06-09", "端午节"));
	}

	@Test
	void blankLinesAreIgnored() {
		YearSchedule schedule = YearSchedule.parse(2027, List.of("", "2027-01-01 元旦", "  "), List.of(" "));

		assertThat(schedule.days()).hasSize(1);
	}

	@Test
	void journalRecordsTheLinesInCanonicalForm() {
		YearSchedule schedule = YearSchedule.parse(2027, List.of(" 2027-01-01..2027-01-01   元旦 "),
				List.of(" 2027-02-07"));

		assertThat(schedule.journalData()).containsEntry("holidays", List.of("2027-01-01 元旦"))
			.containsEntry("makeUpDays", List.of("2027-02-07"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 1999, 2100 })
	void yearOutsideTheCenturyIsRejected(int year) {
		assertRejected(() -> YearSchedule.parse(year, List.of(year + "-01-01 元旦"), List.of()), "calendar.year.invalid",
				String.valueOf(year), "2000", "2099");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2027-13-01", "2027-02-30", "2027-1-1", "27-01-01", "元旦" })
	void malformedHolidayDateIsRejectedNamingIt(String date) {
		assertRejected(() -> YearSchedule.parse(2027, List.of(date + " 元旦"), List.of()), "calendar.holidays.badDate",
				date);
	}

	@Test
	void malformedEndOfRangeIsRejectedNamingIt() {
		assertRejected(() -> YearSchedule.parse(2027, List.of("2027-01-01..2027-01-32 元旦"), List.of()),
				"calendar.holidays.badDate", "2027-01-32");
	}

	@Test
	void holidayWithoutANameIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, List.of("2027-01-01..2027-01-03"), List.of()),
				"calendar.holidays.nameMissing", "2027-01-01..2027-01-03");
	}

	@Test
	void holidayRangeEndingBeforeItStartsIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, List.of("2027-01-03..2027-01-01 元旦"), List.of()),
				"calendar.holidays.reversed", "2027-01-03..2027-01-01 元旦");
	}

	@Test
	void overlongHolidayNameIsRejected() {
		String name = "节".repeat(65);

		assertRejected(() -> YearSchedule.parse(2027, List.of("2027-01-01 " + name), List.of()),
				"calendar.holidays.nameTooLong", name, "64");
	}

	@Test
	void holidayOutsideTheYearIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, List.of("2026-12-31..2027-01-01 元旦"), List.of()),
				"calendar.holidays.outsideYear", "2026-12-31", "2027");
	}

	@Test
	void overlappingHolidaysAreRejectedNamingBoth() {
		List<String> overlapping = List.of("2027-10-01..2027-10-07 国庆节", "2027-10-07 中秋节");

		assertRejected(() -> YearSchedule.parse(2027, overlapping, List.of()), "calendar.holidays.overlap",
				"2027-10-01..2027-10-07 国庆节", "2027-10-07 中秋节");
	}

	@Test
	void holidayGivenTwiceIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, List.of("2027-01-01 元旦", "2027-01-01 元旦"), List.of()),
				"calendar.holidays.overlap", "2027-01-01 元旦", "2027-01-01 元旦");
	}

	@Test
	void yearWithoutHolidaysIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, List.of(" "), List.of("2027-02-07")), "calendar.holidays.none",
				"2027");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2027-02-30", "2027/02/07", "2027-02-07 春节调休" })
	void malformedMakeUpDayIsRejectedNamingIt(String line) {
		assertRejected(() -> YearSchedule.parse(2027, NEW_YEAR, List.of(line)), "calendar.makeUpDays.badDate", line);
	}

	@Test
	void makeUpDayOutsideTheYearIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, NEW_YEAR, List.of("2026-12-26")),
				"calendar.makeUpDays.outsideYear", "2026-12-26", "2027");
	}

	@Test
	void makeUpDayGivenTwiceIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, NEW_YEAR, List.of("2027-02-07", "2027-02-07")),
				"calendar.makeUpDays.duplicate", "2027-02-07");
	}

	@Test
	void makeUpDayThatIsAlsoAHolidayIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, List.of("2027-10-01..2027-10-07 国庆节"), List.of("2027-10-02")),
				"calendar.makeUpDays.isHoliday", "2027-10-02", "国庆节");
	}

	@Test
	void makeUpDayOnAWeekdayIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, NEW_YEAR, List.of("2027-02-08")),
				"calendar.makeUpDays.notWeekend", "2027-02-08");
	}

	private static CalendarDay holiday(String date, String name) {
		return CalendarDay.holiday(LocalDate.parse(date), name);
	}

	private static void assertRejected(Runnable parse, String code, Object... args) {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(parse::run).satisfies((violation) -> {
			assertThat(violation.code()).isEqualTo(code);
			assertThat(violation.args()).containsExactly(args);
		});
	}

}
