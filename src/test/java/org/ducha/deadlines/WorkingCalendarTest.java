package org.ducha.deadlines;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkingCalendarTest {

	private static final WorkingCalendar CHINA = PublishedSchedules.china2024to2026();

	@Test
	void ordinaryWeekdayIsWorked() {
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2024-05-08"))).isTrue();
	}

	@Test
	void ordinaryWeekendIsNotWorked() {
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2024-05-18"))).isFalse();
	}

	@Test
	void holidayOnAWeekdayIsNotWorked() {
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2024-10-07"))).isFalse();
	}

	@Test
	void makeUpDayOnAWeekendIsWorked() {
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2024-09-29"))).isTrue();
	}

	@Test
	void yearOfAPublishedScheduleIsLoaded() {
		assertThat(CHINA.isLoaded(2025)).isTrue();
	}

	@Test
	void yearWithoutAScheduleIsNotLoaded() {
		assertThat(CHINA.isLoaded(2027)).isFalse();
	}

	@Test
	void yearNotLoadedFallsBackToWeekdays() {
		// 2027-01-01 will be 元旦, but nobody has loaded 2027 yet.
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
	}

	@Test
	void daysOfAYearAreInDateOrder() {
		assertThat(CHINA.daysOf(2025)).extracting(CalendarDay::date).isSorted();
	}

	@Test
	void daysOfAYearHoldOnlyThatYear() {
		assertThat(CHINA.daysOf(2025)).extracting((day) -> day.date().getYear()).containsOnly(2025);
	}

	@Test
	void daysOfAYearNotLoadedAreNone() {
		assertThat(CHINA.daysOf(2027)).isEmpty();
	}

	@Test
	void weekdaysOnlyCalendarHasNoYearLoaded() {
		assertThat(WorkingCalendar.weekdaysOnly().loadedYears()).isEmpty();
	}

	@Test
	void dayGivenTwiceIsAProgrammingError() {
		List<CalendarDay> twice = List.of(CalendarDay.holiday(LocalDate.parse("2024-01-01"), "元旦"),
				CalendarDay.makeUpWorkday(LocalDate.parse("2024-01-01")));

		assertThatIllegalArgumentException().isThrownBy(() -> WorkingCalendar.of(List.of(2024), twice));
	}

}
