package org.ducha.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ducha.shared.Actor;
import org.ducha.shared.RuleViolation;
import org.ducha.testing.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The calendar as stored, on H2 and PostgreSQL. The tests share one database, so each
 * adds its own year, as a signed-in administrator.
 */
@DatabaseTest
class WorkingCalendarsTest {

	private static final List<String> HOLIDAYS_2027 = List.of("2027-01-01 元旦", "2027-02-06..2027-02-13 春节");

	private static final List<String> MAKE_UP_DAYS_2027 = List.of("2027-02-20");

	@Autowired
	private WorkingCalendars calendars;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void signInAsAdministrator() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(new Administrator("secadmin1"), null, "ROLE_SECADMIN"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void migrationLoadsThePublishedYears() {
		assertThat(this.calendars.years()).filteredOn((year) -> year.addedBy().equals("system"))
			.extracting(CalendarYear::year)
			.containsExactly(2024, 2025, 2026);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 2024, 2025, 2026 })
	void migratedScheduleMatchesThePublishedTable(int year) {
		assertThat(this.calendars.current().daysOf(year)).isEqualTo(PublishedSchedules.china2024to2026().daysOf(year));
	}

	@Test
	void dueIsCountedInTheInstallationZone() {
		Due due = this.calendars.due(DeadlinePolicy.parse("DAY_N 1 24:00"), Instant.parse("2024-05-08T01:30:00Z"));

		assertThat(due.at()).isEqualTo(Instant.parse("2024-05-08T16:00:00Z"));
	}

	@Test
	void addedYearIsJournaled() {
		this.calendars.addYear(2027, HOLIDAYS_2027, MAKE_UP_DAYS_2027);

		assertThat(this.jdbc.sql("""
				select event_type, data from journal_entry
				where subject_type = 'calendar' and subject_id = '2027'""").query().listOfRows())
			.containsExactly(Map.of("event_type", "CalendarYearAdded", "data",
					"{\"holidays\":[\"2027-01-01 元旦\",\"2027-02-06..2027-02-13 春节\"],"
							+ "\"makeUpDays\":[\"2027-02-20\"],\"year\":2027}"));
	}

	@Test
	void addedYearCountsAtOnceWithoutWaitingForTheCache() {
		assertThat(this.calendars.current().isLoaded(2028)).isFalse();

		this.calendars.addYear(2028, List.of("2028-01-26..2028-02-01 春节"), List.of());

		assertThat(this.calendars.current().isWorkingDay(LocalDate.parse("2028-01-27"))).isFalse();
	}

	@Test
	void addedYearIsLoaded() {
		this.calendars.addYear(2029, List.of("2029-01-01 元旦"), List.of());

		assertThat(this.calendars.current().isLoaded(2029)).isTrue();
	}

	@Test
	void addedYearRecordsWhoAddedIt() {
		this.calendars.addYear(2034, List.of("2034-01-01 元旦"), List.of());

		assertThat(this.calendars.years()).filteredOn((year) -> year.year() == 2034)
			.extracting(CalendarYear::addedBy)
			.containsExactly("secadmin1");
	}

	@Test
	void addingAYearTwiceIsRejectedNamingTheYear() {
		this.calendars.addYear(2030, List.of("2030-01-01 元旦"), List.of());

		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.calendars.addYear(2030, List.of("2030-02-03 春节"), List.of()))
			.satisfies((violation) -> {
				assertThat(violation.code()).isEqualTo("calendar.year.alreadyLoaded");
				assertThat(violation.args()).containsExactly("2030");
			});
	}

	@Test
	void addingAYearTwiceChangesNothing() {
		this.calendars.addYear(2031, List.of("2031-01-01 元旦"), List.of());
		Map<String, Long> before = rowCounts();

		ignoringRuleViolation(() -> this.calendars.addYear(2031, List.of("2031-01-23 春节"), List.of()));

		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void malformedDateIsRejectedNamingTheText() {
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.calendars.addYear(2032, List.of("2032-01-01 元旦", "2032-02-30 春节"), List.of()))
			.satisfies((violation) -> {
				assertThat(violation.code()).isEqualTo("calendar.holidays.badDate");
				assertThat(violation.args()).containsExactly("2032-02-30");
			});
	}

	@Test
	void malformedDateChangesNothing() {
		Map<String, Long> before = rowCounts();

		ignoringRuleViolation(() -> this.calendars.addYear(2033, List.of("2033-01-01 元旦"), List.of("2033-1-8")));

		assertThat(rowCounts()).isEqualTo(before);
	}

	private Map<String, Long> rowCounts() {
		return Map.of("calendar_year", count("calendar_year"), "calendar_day", count("calendar_day"), "journal_entry",
				count("journal_entry"));
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static void ignoringRuleViolation(Runnable change) {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(change::run);
	}

	private record Administrator(String login) implements Actor {

		@Override
		public Long unitId() {
			return 1L;
		}

	}

}
