package org.ducha.deadlines;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockReadingTest {

	private static final Instant DUE = Instant.parse("2024-05-12T04:00:00Z");

	private static final DeadlinePolicy FIFTH_DAY_NOON = DeadlinePolicy.parse("DAY_N 5 12:00");

	private static final DeadlinePolicy SIX_HOURS = DeadlinePolicy.parse("DURATION PT6H");

	@Test
	void clockIsGreenWhileMoreThanTheWarningLeadRemains() {
		assertThat(readAt(FIFTH_DAY_NOON, "2024-05-11T03:00:00Z").state()).isEqualTo(ClockState.GREEN);
	}

	@Test
	void clockIsStillGreenWithExactlyTheWarningLeadLeft() {
		assertThat(readAt(FIFTH_DAY_NOON, "2024-05-11T04:00:00Z").state()).isEqualTo(ClockState.GREEN);
	}

	@Test
	void clockTurnsYellowWhenTheTimeLeftFallsUnderTheWarningLead() {
		assertThat(readAt(FIFTH_DAY_NOON, "2024-05-11T04:00:01Z").state()).isEqualTo(ClockState.YELLOW);
	}

	@Test
	void durationClockTurnsYellowOnlyTwoHoursAhead() {
		assertThat(readAt(SIX_HOURS, "2024-05-12T01:30:00Z").state()).isEqualTo(ClockState.GREEN);
	}

	@Test
	void givenWarningLeadDecidesWhenTheClockTurnsYellow() {
		DeadlinePolicy warnsSixHoursAhead = DeadlinePolicy.parse("DAY_N 5 12:00 WARN PT6H");

		assertThat(readAt(warnsSixHoursAhead, "2024-05-11T18:00:00Z").state()).isEqualTo(ClockState.GREEN);
	}

	@Test
	void clockIsRedAtTheDueInstant() {
		assertThat(readAt(FIFTH_DAY_NOON, "2024-05-12T04:00:00Z").state()).isEqualTo(ClockState.RED);
	}

	@Test
	void runningClockReportsTheTimeLeft() {
		assertThat(readAt(FIFTH_DAY_NOON, "2024-05-12T01:00:00Z").remaining()).isEqualTo(Duration.ofHours(3));
	}

	@Test
	void breachedClockReportsTheTimeOverdue() {
		assertThat(readAt(FIFTH_DAY_NOON, "2024-05-14T05:30:00Z").overdue()).isEqualTo(Duration.parse("PT49H30M"));
	}

	@Test
	void breachedClockHasNoTimeLeft() {
		assertThat(readAt(FIFTH_DAY_NOON, "2024-05-14T05:30:00Z").remaining()).isZero();
	}

	@Test
	void runningClockIsNotOverdue() {
		assertThat(readAt(FIFTH_DAY_NOON, "2024-05-12T01:00:00Z").overdue()).isZero();
	}

	private static ClockReading readAt(DeadlinePolicy policy, String now) {
		return ClockReading.of(policy, DUE, Instant.parse(now));
	}

}
