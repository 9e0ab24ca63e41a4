package org.ducha.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.ducha.testing.DatabaseTest;
import org.ducha.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sweep as scheduled in production, every 200 ms here: it moves an overdue clock
 * without anyone calling it, under the {@code deadline-sweep} lock in the database.
 */
@DatabaseTest
@TestPropertySource(properties = { "ducha.clocks.sweep-enabled=true", "ducha.clocks.sweep-interval=PT0.2S" })
@Import(DeadlineSweepScheduleTest.Clocks.class)
class DeadlineSweepScheduleTest {

	private static final Instant START = Instant.parse("2024-05-08T01:30:00Z");

	/** Not a {@code @TestConfiguration}, for the reason given in DeadlineClocksTest. */
	static class Clocks {

		@Bean
		@Primary
		MutableClock sweepTestClock() {
			return new MutableClock(START, ZoneId.of("Asia/Shanghai"));
		}

	}

	@Autowired
	private DeadlineClocks clocks;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Test
	void theScheduledSweepMovesAnOverdueClockUnderTheDatabaseLock() {
		this.transaction.executeWithoutResult(
				(status) -> this.clocks.start("petition", 7, "RECEIPT", DeadlinePolicy.parse("DURATION PT24H"), START));

		this.clock.forward(Duration.ofHours(25));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.clocks.of("petition", 7)).singleElement()
				.extracting(DeadlineClock::state)
				.isEqualTo(ClockState.RED));
		assertThat(this.jdbc.sql("select locked_by from shedlock where name = 'deadline-sweep'")
			.query(String.class)
			.list()).singleElement().asString().isNotBlank();
		assertThat(this.jdbc.sql("""
				select count(*) from journal_entry
				where subject_type = 'petition' and subject_id = '7' and event_type = 'DeadlineClockBreached'""")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
