package org.ducha.deadlines;

import java.time.LocalDate;
import java.util.List;

import org.ducha.shared.InvalidInput;
import org.ducha.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class YearScheduleTest {

	private static final List<Integer> LOADED = List.of(2024, 2025, 2026);

	private static final List<String> NEW_YEAR = List.of("2027-01-01 元旦");

	@Test
	void holidayRangeBecomesOneHolidayPerDay() {
		YearSchedule schedule = YearSchedule.parse(2027, LOADED, List.of("2027-01-01..2027-01-03 元旦"), List.of());

		assertThat(schedule.days()).containsExactly(holiday("2027-01-01", "元旦"), holiday("2027-01-02", "元旦"),
				holiday("2027-01-03", "元旦"));
	}

	@Test
	void makeUpDayBecomesAWorkday() {
		YearSchedule schedule = YearSchedule.parse(2027, LOADED, NEW_YEAR, List.of("2027-02-07"));

		assertThat(schedule.days()).contains(CalendarDay.makeUpWorkday(LocalDate.parse("2027-02-07")));
	}

	@Test
	void nameMayFollowAnIdeographicSpace() {
		YearSchedule schedule = YearSchedule.parse(2027, LOADED, List.of("2027-06-09\u3000端午节"), List.of());

		assertThat(schedule.days()).containsExactly(holiday("2027-06-09", "端午节"));
	}

	@Test
	void blankLinesAreIgnored() {
		YearSchedule schedule = YearSchedule.parse(2027, LOADED, List.of("", "2027-01-01 元旦", "  "), List.of(" "));

		assertThat(schedule.days()).hasSize(1);
	}

	@Test
	void journalRecordsTheLinesInCanonicalForm() {
		YearSchedule schedule = YearSchedule.parse(2027, LOADED, List.of(" 2027-01-01..2027-01-01   元旦 "),
				List.of(" 2027-02-07"));

		assertThat(schedule.journalData()).containsEntry("holidays", List.of("2027-01-01 元旦"))
			.containsEntry("makeUpDays", List.of("2027-02-07"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 1999, 2100 })
	void yearOutsideTheCenturyIsRejected(int year) {
		assertRejected(() -> YearSchedule.parse(year, LOADED, List.of(year + "-01-01 元旦"), List.of()),
				"calendar.year.invalid", String.valueOf(year), "2000", "2099");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2027-13-01", "2027-02-30", "2027-1-1", "27-01-01", "元旦" })
	void malformedHolidayDateIsRejectedNamingIt(String date) {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, List.of(date + " 元旦"), List.of()),
				"calendar.holidays.badDate", date);
	}

	@Test
	void malformedEndOfRangeIsRejectedNamingIt() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, List.of("2027-01-01..2027-01-32 元旦"), List.of()),
				"calendar.holidays.badDate", "2027-01-32");
	}

	@Test
	void holidayWithoutANameIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, List.of("2027-01-01..2027-01-03"), List.of()),
				"calendar.holidays.nameMissing", "2027-01-01..2027-01-03");
	}

	@Test
	void holidayRangeEndingBeforeItStartsIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, List.of("2027-01-03..2027-01-01 元旦"), List.of()),
				"calendar.holidays.reversed", "2027-01-03..2027-01-01 元旦");
	}

	@Test
	void overlongHolidayNameIsRejected() {
		String name = "节".repeat(65);

		assertRejected(() -> YearSchedule.parse(2027, LOADED, List.of("2027-01-01 " + name), List.of()),
				"calendar.holidays.nameTooLong", name, "64");
	}

	@Test
	void holidayOutsideTheYearIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, List.of("2026-12-31..2027-01-01 元旦"), List.of()),
				"calendar.holidays.outsideYear", "2026-12-31", "2027");
	}

	@Test
	void overlappingHolidaysAreRejectedNamingBoth() {
		List<String> overlapping = List.of("2027-10-01..2027-10-07 国庆节", "2027-10-07 中秋节");

		assertRejected(() -> YearSchedule.parse(2027, LOADED, overlapping, List.of()), "calendar.holidays.overlap",
				"2027-10-01..2027-10-07 国庆节", "2027-10-07 中秋节");
	}

	@Test
	void holidayGivenTwiceIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, List.of("2027-01-01 元旦", "2027-01-01 元旦"), List.of()),
				"calendar.holidays.overlap", "2027-01-01 元旦", "2027-01-01 元旦");
	}

	@Test
	void yearWithoutHolidaysIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, List.of(" "), List.of("2027-02-07")),
				"calendar.holidays.none", "2027");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2027-02-30", "2027/02/07", "2027-02-07 春节调休" })
	void malformedMakeUpDayIsRejectedNamingIt(String line) {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, NEW_YEAR, List.of(line)), "calendar.makeUpDays.badDate",
				line);
	}

	@Test
	void yearAlreadyLoadedIsRejectedNamingIt() {
		assertRejected(() -> YearSchedule.parse(2026, LOADED, List.of("2026-01-01 元旦"), List.of()),
				"calendar.year.alreadyLoaded", "2026");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> YearSchedule.parse(2026, LOADED, List.of("2026-02-30 春节", "2026-10-01 国庆节"),
					List.of("2026-10-01", "2026/02/14")))
			.extracting(InvalidInput::problems)
			.satisfies((problems) -> assertThat(problems).extracting(Problem::code)
				.containsExactly("calendar.year.alreadyLoaded", "calendar.holidays.badDate",
						"calendar.makeUpDays.isHoliday", "calendar.makeUpDays.badDate"));
	}

	@Test
	void invalidYearIsNotAlsoBlamedOnEveryDate() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> YearSchedule.parse(1999, LOADED, List.of("1999-01-01 元旦"), List.of()))
			.extracting(InvalidInput::problems)
			.satisfies((problems) -> assertThat(problems).extracting(Problem::code)
				.containsExactly("calendar.year.invalid"));
	}

	@Test
	void makeUpDayOutsideTheYearIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, NEW_YEAR, List.of("2026-12-26")),
				"calendar.makeUpDays.outsideYear", "2026-12-26", "2027");
	}

	@Test
	void makeUpDayGivenTwiceIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, NEW_YEAR, List.of("2027-02-07", "2027-02-07")),
				"calendar.makeUpDays.duplicate", "2027-02-07");
	}

	@Test
	void makeUpDayThatIsAlsoAHolidayIsRejected() {
		assertRejected(
				() -> YearSchedule.parse(2027, LOADED, List.of("2027-10-01..2027-10-07 国庆节"), List.of("2027-10-02")),
				"calendar.makeUpDays.isHoliday", "2027-10-02", "国庆节");
	}

	@Test
	void makeUpDayOnAWeekdayIsRejected() {
		assertRejected(() -> YearSchedule.parse(2027, LOADED, NEW_YEAR, List.of("2027-02-08")),
				"calendar.makeUpDays.notWeekend", "2027-02-08");
	}

	private static CalendarDay holiday(String date, String name) {
		return CalendarDay.holiday(LocalDate.parse(date), name);
	}

	/**
	 * Asserts that the schedule is rejected for one problem, with the field that the code
	 * names ({@code calendar.holidays.badDate} is a problem of {@code holidays}).
	 */
	private static void assertRejected(Runnable parse, String code, Object... args) {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(parse::run)
			.extracting(InvalidInput::problems)
			.satisfies((problems) -> {
				assertThat(problems).singleElement()
					.extracting(Problem::field, Problem::code)
					.containsExactly(code.split("\\.")[1], code);
				assertThat(problems.get(0).args()).containsExactly(args);
			});
	}

}
