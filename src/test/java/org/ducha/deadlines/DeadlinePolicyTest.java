package org.ducha.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.ducha.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeadlinePolicyTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final WorkingCalendar CHINA = PublishedSchedules.china2024to2026();

	/**
	 * The test vectors of {@code deadlines.md}, in local time Asia/Shanghai, one row
	 * each.
	 */
	@ParameterizedTest(name = "{0} from {1} is due {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			DAY_N 5 12:00      | 2024-05-08 09:30 | 2024-05-12 12:00 | receipt day is day 1
			DAY_N 5 12:00      | 2024-05-08 23:50 | 2024-05-12 12:00 | the hour of receipt does not matter
			DAY_N 3 24:00      | 2024-05-08 09:30 | 2024-05-11 00:00 | 24:00 is the end of day 3
			DAY_N 1 24:00      | 2024-05-08 09:30 | 2024-05-09 00:00 | day 1 ends at midnight
			DURATION PT6H      | 2024-05-12 20:00 | 2024-05-13 02:00 | real time across midnight
			DURATION PT24H     | 2024-05-08 09:30 | 2024-05-09 09:30 | 24 hours of real time
			WORKDAY_N 3 24:00  | 2024-09-27 10:00 | 2024-10-09 00:00 | Sun 09-29 is a make-up working day
			WORKDAY_N 1 24:00  | 2026-02-13 16:00 | 2026-02-15 00:00 | Sat 02-14 is a make-up working day
			WORKDAY_N 2 24:00  | 2026-02-13 16:00 | 2026-02-25 00:00 | Spring Festival 02-15..02-23
			WORKDAY_N 10 24:00 | 2025-09-26 10:00 | 2025-10-17 00:00 | National Day 10-01..10-08
			WORKDAY_N 5 24:00  | 2026-09-18 10:00 | 2026-09-25 00:00 | Sun 09-20 is a make-up working day
			WORKDAY_N 1 24:00  | 2026-12-31 10:00 | 2027-01-02 00:00 | 2027 not loaded, weekdays only
			""")
	void dueMatchesPublishedVector(String policy, String start, String due, String why) {
		Due computed = DeadlinePolicy.parse(policy).due(shanghai(start), SHANGHAI, CHINA);

		assertThat(computed.at()).isEqualTo(shanghai(due));
	}

	@Test
	void workdayDeadlineIntoAYearNotLoadedIsFlaggedWithThatYear() {
		Due due = DeadlinePolicy.parse("WORKDAY_N 1 24:00").due(shanghai("2026-12-31 10:00"), SHANGHAI, CHINA);

		assertThat(due.yearsNotLoaded()).containsExactly(2027);
	}

	@Test
	void workdayDeadlineWithinLoadedYearsIsNotFlagged() {
		Due due = DeadlinePolicy.parse("WORKDAY_N 10 24:00").due(shanghai("2025-09-26 10:00"), SHANGHAI, CHINA);

		assertThat(due.calendarComplete()).isTrue();
	}

	@Test
	void workdayDeadlineDoesNotFlagTheYearOfAnEndOfDayDueInstant() {
		Due due = DeadlinePolicy.parse("WORKDAY_N 1 24:00").due(shanghai("2026-12-30 10:00"), SHANGHAI, CHINA);

		assertThat(due.at()).isEqualTo(shanghai("2027-01-01 00:00"));
		assertThat(due.yearsNotLoaded()).isEmpty();
	}

	@Test
	void dayDeadlineNeverNeedsTheCalendar() {
		Due due = DeadlinePolicy.parse("DAY_N 3 24:00")
			.due(shanghai("2030-02-01 09:00"), SHANGHAI, WorkingCalendar.weekdaysOnly());

		assertThat(due.yearsNotLoaded()).isEmpty();
	}

	@Test
	void dayDeadlineCountsHolidaysLikeAnyOtherDay() {
		Due due = DeadlinePolicy.parse("DAY_N 3 24:00").due(shanghai("2024-10-01 09:00"), SHANGHAI, CHINA);

		assertThat(due.at()).isEqualTo(shanghai("2024-10-04 00:00"));
	}

	@Test
	void workdayDeadlineStartedOnAHolidayCountsFromTheNextWorkingDay() {
		Due due = DeadlinePolicy.parse("WORKDAY_N 1 12:00").due(shanghai("2024-10-03 09:00"), SHANGHAI, CHINA);

		assertThat(due.at()).isEqualTo(shanghai("2024-10-08 12:00"));
	}

	@Test
	void dayDeadlineIsDueAtLocalTimeOfDayAcrossADaylightSavingChange() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Instant start = LocalDateTime.parse("2024-03-30T09:00").atZone(berlin).toInstant();

		Due due = DeadlinePolicy.parse("DAY_N 2 24:00").due(start, berlin, CHINA);

		assertThat(due.at()).isEqualTo(LocalDateTime.parse("2024-04-01T00:00").atZone(berlin).toInstant());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "DAY_N 5 12:00", "DAY_N 3 24:00", "DAY_N 1 00:00", "DURATION PT6H", "DURATION PT24H",
			"WORKDAY_N 10 24:00", "DAY_N 5 12:00 WARN PT12H", "DURATION PT30M WARN PT0S",
			"WORKDAY_N 10 24:00 WARN PT72H" })
	void textRoundTrips(String text) {
		assertThat(DeadlinePolicy.parse(text)).hasToString(text);
	}

	@Test
	void parsedTextOfAPolicyIsAnEqualPolicy() {
		DeadlinePolicy policy = DeadlinePolicy.parse("  DURATION   P1D  WARN PT3H ");

		assertThat(DeadlinePolicy.parse(policy.toString())).isEqualTo(policy);
	}

	@Test
	void defaultWarningLeadIsNotWritten() {
		assertThat(DeadlinePolicy.parse("DAY_N 5 12:00 WARN PT24H")).hasToString("DAY_N 5 12:00");
	}

	@Test
	void dayPolicyWarnsTwentyFourHoursAhead() {
		assertThat(DeadlinePolicy.parse("DAY_N 5 12:00").warningLead()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void workdayPolicyWarnsTwentyFourHoursAhead() {
		assertThat(DeadlinePolicy.parse("WORKDAY_N 10 24:00").warningLead()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void durationPolicyWarnsTwoHoursAhead() {
		assertThat(DeadlinePolicy.parse("DURATION PT24H").warningLead()).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void givenWarningLeadReplacesTheDefault() {
		assertThat(DeadlinePolicy.parse("DAY_N 5 12:00 WARN PT6H").warningLead()).isEqualTo(Duration.ofHours(6));
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", "   " })
	void blankTextIsRejected(String text) {
		assertRejected(text, "deadline.policy.blank");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "WEEK_N 2 24:00", "day_n 5 12:00", "5 DAY_N 12:00" })
	void unknownKindIsRejectedNamingIt(String text) {
		assertRejected(text, "deadline.policy.unknownKind", text.split(" ")[0]);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "DAY_N 5", "DURATION", "DURATION PT6H 12:00", "WORKDAY_N 10 24:00 PT2H",
			"DAY_N 5 12:00 WARN", "DAY_N 5 12:00 LEAD PT6H" })
	void wrongNumberOfPartsIsRejectedNamingTheText(String text) {
		assertRejected(text, "deadline.policy.malformed", text);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "0", "-1", "five", "1.5", "1000" })
	void dayCountOutsideOneTo999IsRejectedNamingIt(String count) {
		assertRejected("DAY_N " + count + " 12:00", "deadline.policy.dayCount", count, "999");
	}

	@Test
	void workdayCountBelowOneIsRejected() {
		assertRejected("WORKDAY_N 0 24:00", "deadline.policy.dayCount", "0", "999");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "24:30", "12:60", "25:00", "7:00", "12h", "noon", "12:00:00" })
	void badTimeOfDayIsRejectedNamingIt(String time) {
		assertRejected("DAY_N 5 " + time, "deadline.policy.time", time);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "6h", "PT0S", "-PT6H", "P1W" })
	void badOrEmptyDurationIsRejectedNamingIt(String duration) {
		assertRejected("DURATION " + duration, "deadline.policy.duration", duration);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "soon", "-PT1H" })
	void badWarningLeadIsRejectedNamingIt(String lead) {
		assertRejected("DAY_N 5 12:00 WARN " + lead, "deadline.policy.warningLead", lead);
	}

	private static void assertRejected(String text, String code, Object... args) {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> DeadlinePolicy.parse(text))
			.satisfies((violation) -> {
				assertThat(violation.code()).isEqualTo(code);
				assertThat(violation.args()).containsExactly(args);
			});
	}

	private static Instant shanghai(String localDateTime) {
		return LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
	}

}
