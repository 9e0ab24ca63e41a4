package org.ducha.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.ducha.shared.RuleViolation;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deadline clocks as stored, on H2 and PostgreSQL, with time driven by a
 * {@link MutableClock}. Every test starts with no clocks, so that what the sweep moves is
 * what the test made; subjects are numbered afresh per test, so journal entries never
 * mix.
 */
@DatabaseTest
@Import(DeadlineClocksTest.Clocks.class)
class DeadlineClocksTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String PETITION = "petition";

	private static final AtomicLong SUBJECTS = new AtomicLong(1000);

	/**
	 * Not a {@code @TestConfiguration}: the two-node tests boot the application with
	 * plain component scanning, which would pick up a second primary clock.
	 */
	static class Clocks {

		@Bean
		@Primary
		MutableClock deadlineTestClock() {
			return new MutableClock(local("2024-05-08T09:30"), SHANGHAI);
		}

		@Bean
		ChangeListener changeListener() {
			return new ChangeListener();
		}

	}

	/**
	 * Keeps every {@link DeadlineClockChanged}, and whether it came inside a transaction.
	 */
	static class ChangeListener {

		final List<DeadlineClockChanged> changes = new ArrayList<>();

		final List<Boolean> inTransaction = new ArrayList<>();

		@EventListener
		synchronized void on(DeadlineClockChanged changed) {
			this.changes.add(changed);
			this.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
		}

		synchronized List<DeadlineClockChanged> of(long subjectId) {
			return this.changes.stream().filter((change) -> change.subjectId() == subjectId).toList();
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

	@Autowired
	private ChangeListener listener;

	@Autowired
	private ApplicationContext context;

	private long subject;

	@BeforeEach
	void noClocksAtNineThirtyOnEighthOfMay() {
		this.jdbc.sql("delete from deadline_clock").update();
		this.clock.setTo(local("2024-05-08T09:30"));
		this.subject = SUBJECTS.incrementAndGet();
	}

	private static Instant local(String dateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), SHANGHAI).toInstant();
	}

	private <T> T inTransaction(Supplier<T> work) {
		return this.transaction.execute((status) -> work.get());
	}

	private DeadlineClock start(String kind, String policy, Instant start) {
		return inTransaction(
				() -> this.clocks.start(PETITION, this.subject, kind, DeadlinePolicy.parse(policy), start));
	}

	private Optional<DeadlineClock> stop(String kind, Instant at) {
		return inTransaction(() -> this.clocks.stop(PETITION, this.subject, kind, at));
	}

	private DeadlineClock stored() {
		List<DeadlineClock> all = this.clocks.of(PETITION, this.subject);
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	private List<Map<String, Object>> journal(long subjectId) {
		return this.jdbc.sql("""
				select event_type, actor, data from journal_entry
				where subject_type = ? and subject_id = ? order by seq""")
			.params(PETITION, String.valueOf(subjectId))
			.query()
			.listOfRows();
	}

	private List<String> journalEvents(long subjectId) {
		return journal(subjectId).stream().map((row) -> (String) row.get("event_type")).toList();
	}

	@Test
	void theScheduledSweepIsOffInTestsSoThatTestsDriveIt() {
		assertThat(this.context.getBeansOfType(DeadlineSweepConfiguration.DeadlineSweep.class)).isEmpty();
	}

	@Test
	void startComputesTheDueInstantOfADayPolicy() {
		DeadlineClock started = start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		assertThat(started.dueAt()).isEqualTo(local("2024-05-12T12:00"));
		assertThat(started.warnAt()).isEqualTo(local("2024-05-11T12:00"));
		assertThat(started.state()).isEqualTo(ClockState.GREEN);
		assertThat(started.running()).isTrue();
		assertThat(stored()).isEqualTo(started);
	}

	@Test
	void startCountsWorkingDaysOverTheNationalDayHoliday() {
		this.clock.setTo(local("2024-09-27T10:00"));

		DeadlineClock started = start("FEEDBACK", "WORKDAY_N 3 24:00", local("2024-09-27T10:00"));

		assertThat(started.dueAt()).isEqualTo(local("2024-10-09T00:00"));
		assertThat(started.yearsNotLoaded()).isEmpty();
	}

	@Test
	void startFlagsAYearWithoutACalendarAndKeepsTheFlag() {
		this.clock.setTo(local("2026-12-31T10:00"));

		DeadlineClock started = start("FEEDBACK", "WORKDAY_N 1 24:00", local("2026-12-31T10:00"));

		assertThat(started.dueAt()).isEqualTo(local("2027-01-02T00:00"));
		assertThat(started.yearsNotLoaded()).containsExactly(2027);
		assertThat(stored().yearsNotLoaded()).containsExactly(2027);
	}

	@Test
	void startIsJournaledWithPolicyDueAndMissingCalendars() {
		this.clock.setTo(local("2026-12-31T10:00"));

		start("FEEDBACK", "WORKDAY_N 1 24:00 WARN PT12H", local("2026-12-31T10:00"));

		assertThat(journal(this.subject))
			.containsExactly(Map.of("event_type", "DeadlineClockStarted", "actor", "system", "data",
					"{\"calendarNotLoaded\":[2027],\"due\":\"2027-01-01T16:00:00Z\",\"kind\":\"FEEDBACK\","
							+ "\"policy\":\"WORKDAY_N 1 24:00 WARN PT12H\",\"start\":\"2026-12-31T02:00:00Z\"}"));
	}

	@Test
	void startReadsTheStateAtNowNotAtTheStart() {
		this.clock.setTo(local("2024-05-12T08:00"));

		DeadlineClock started = start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		assertThat(started.state()).isEqualTo(ClockState.YELLOW);
	}

	@Test
	void startingAKindThatIsAlreadyRunningIsRefused() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> start("REPORT", "DAY_N 3 24:00", local("2024-05-08T10:00")))
			.satisfies((violation) -> {
				assertThat(violation.code()).isEqualTo("clock.alreadyRunning");
				assertThat(violation.args()).containsExactly("REPORT", PETITION, String.valueOf(this.subject));
			});
		assertThat(stored().policy()).isEqualTo("DAY_N 5 12:00");
	}

	@Test
	void anotherKindRunsBesideTheFirst() {
		start("RECEIPT", "DURATION PT24H", local("2024-05-08T09:30"));
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		assertThat(this.clocks.of(PETITION, this.subject)).extracting(DeadlineClock::kind)
			.containsExactly("RECEIPT", "REPORT");
	}

	@Test
	void aStoppedKindCanBeStartedAgain() {
		start("SUPPLEMENT", "DURATION PT6H", local("2024-05-08T09:30"));
		stop("SUPPLEMENT", local("2024-05-08T11:00"));

		DeadlineClock again = start("SUPPLEMENT", "DURATION PT6H", local("2024-05-09T09:30"));

		assertThat(this.clocks.of(PETITION, this.subject)).extracting(DeadlineClock::running)
			.containsExactly(false, true);
		assertThat(again.dueAt()).isEqualTo(local("2024-05-09T15:30"));
	}

	@Test
	void theDatabaseRefusesASecondRunningClockOfAKind() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		assertThatExceptionOfType(org.springframework.dao.DuplicateKeyException.class)
			.isThrownBy(() -> this.jdbc.sql("""
					insert into deadline_clock (subject_type, subject_id, kind, policy, started_at, due_at, warn_at,
					  state, running)
					select subject_type, subject_id, kind, policy, started_at, due_at, warn_at, state, running
					from deadline_clock where subject_id = ?""").param(this.subject).update());
	}

	@Test
	void stopBeforeTheDueInstantIsOnTime() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		Optional<DeadlineClock> stopped = stop("REPORT", local("2024-05-12T11:59:59.999"));

		assertThat(stopped).hasValueSatisfying((clock) -> {
			assertThat(clock.late()).isFalse();
			assertThat(clock.running()).isFalse();
			assertThat(clock.stoppedAt()).isEqualTo(local("2024-05-12T11:59:59.999"));
		});
		assertThat(stored().late()).isFalse();
	}

	@Test
	void stopAtTheDueInstantIsLate() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		DeadlineClock stopped = stop("REPORT", local("2024-05-12T12:00")).orElseThrow();

		assertThat(stopped.late()).isTrue();
		assertThat(stopped.state()).isEqualTo(ClockState.RED);
		assertThat(stored().late()).isTrue();
	}

	@Test
	void stopIsJournaledWithWhetherItWasLate() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		stop("REPORT", local("2024-05-13T09:00"));

		assertThat(journal(this.subject)).last()
			.isEqualTo(Map.of("event_type", "DeadlineClockStopped", "actor", "system", "data",
					"{\"at\":\"2024-05-13T01:00:00Z\",\"kind\":\"REPORT\",\"late\":true}"));
	}

	@Test
	void aStoppedClockIsNeverRecomputed() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));
		stop("REPORT", local("2024-05-10T09:30"));
		this.clock.setTo(local("2024-06-30T00:00"));

		int moved = this.clocks.sweep();

		DeadlineClock stored = stored();
		assertThat(moved).isZero();
		assertThat(stored.late()).isFalse();
		assertThat(stored.state()).isEqualTo(ClockState.GREEN);
		assertThat(stored.readAt(this.clock.instant()))
			.isEqualTo(new ClockReading(ClockState.GREEN, Duration.ofHours(50).plusMinutes(30), Duration.ZERO));
	}

	@Test
	void stoppingWhenNoClockOfTheKindRunsChangesNothing() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		assertThat(stop("RECEIPT", local("2024-05-09T09:30"))).isEmpty();
		assertThat(stored().running()).isTrue();
		assertThat(journalEvents(this.subject)).containsExactly("DeadlineClockStarted");
	}

	@Test
	void stoppingBeforeTheClockStartedIsRefused() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));

		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> stop("REPORT", local("2024-05-08T09:00")))
			.satisfies((violation) -> assertThat(violation.code()).isEqualTo("clock.stopBeforeStart"));
		assertThat(stored().running()).isTrue();
	}

	@Test
	void sweepMovesAClockToYellowThenRedOnceEach() {
		start("SUPPLEMENT", "DURATION PT6H", local("2024-05-08T09:30"));

		this.clock.setTo(local("2024-05-08T13:30"));
		assertThat(this.clocks.sweep()).as("at the warning instant, two hours left").isZero();
		this.clock.forward(Duration.ofMillis(1));
		assertThat(this.clocks.sweep()).isEqualTo(1);
		assertThat(stored().state()).isEqualTo(ClockState.YELLOW);
		assertThat(this.clocks.sweep()).isZero();

		this.clock.setTo(local("2024-05-08T15:30"));
		assertThat(this.clocks.sweep()).isEqualTo(1);
		assertThat(stored().state()).isEqualTo(ClockState.RED);
		this.clock.forward(Duration.ofDays(3));
		assertThat(this.clocks.sweep()).isZero();

		assertThat(journalEvents(this.subject)).containsExactly("DeadlineClockStarted", "DeadlineClockWarned",
				"DeadlineClockBreached");
	}

	@Test
	void sweepAgreesWithTheLiveReading() {
		DeadlineClock started = start("SUPPLEMENT", "DURATION PT6H", local("2024-05-08T09:30"));
		for (String at : List.of("2024-05-08T13:30", "2024-05-08T13:30:00.001", "2024-05-08T15:29:59.999",
				"2024-05-08T15:30")) {
			this.clock.setTo(local(at));
			this.clocks.sweep();
			assertThat(stored().state()).as(at).isEqualTo(started.readAt(this.clock.instant()).state());
		}
	}

	@Test
	void sweepJournalsTheBreachAsTheSystem() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));
		this.clock.setTo(local("2024-05-12T12:00"));

		this.clocks.sweep();

		assertThat(journal(this.subject)).last()
			.isEqualTo(Map.of("event_type", "DeadlineClockBreached", "actor", "system", "data",
					"{\"due\":\"2024-05-12T04:00:00Z\",\"kind\":\"REPORT\",\"policy\":\"DAY_N 5 12:00\"}"));
	}

	@Test
	void aClockOverdueBeforeAnySweepGoesStraightToRed() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));
		this.clock.setTo(local("2024-05-20T09:00"));

		assertThat(this.clocks.sweep()).isEqualTo(1);

		assertThat(stored().state()).isEqualTo(ClockState.RED);
		assertThat(journalEvents(this.subject)).containsExactly("DeadlineClockStarted", "DeadlineClockBreached");
	}

	@Test
	void everyChangeIsPublishedInItsTransaction() {
		start("REPORT", "DAY_N 5 12:00", local("2024-05-08T09:30"));
		this.clock.setTo(local("2024-05-11T12:00:01"));
		this.clocks.sweep();
		this.clock.setTo(local("2024-05-12T12:00"));
		this.clocks.sweep();
		stop("REPORT", local("2024-05-12T13:00"));

		Instant due = local("2024-05-12T12:00");
		assertThat(this.listener.of(this.subject)).containsExactly(
				new DeadlineClockChanged(PETITION, this.subject, "REPORT", ClockState.GREEN, due),
				new DeadlineClockChanged(PETITION, this.subject, "REPORT", ClockState.YELLOW, due),
				new DeadlineClockChanged(PETITION, this.subject, "REPORT", ClockState.RED, due),
				new DeadlineClockChanged(PETITION, this.subject, "REPORT", ClockState.RED, due));
		synchronized (this.listener) {
			assertThat(this.listener.inTransaction).containsOnly(true);
		}
	}

	@Test
	void sweepRunTwiceMovesEachClockOnce() {
		List<Long> subjects = startOverdueClocks(DeadlineClocks.SWEEP_BATCH + 20);

		assertThat(this.clocks.sweep()).isEqualTo(subjects.size());
		assertThat(this.clocks.sweep()).isZero();

		assertThat(breachesPerSubject(subjects)).containsOnly(1L);
	}

	@Test
	void sweepsInTwoThreadsAtOnceMoveAndJournalEachClockOnce() throws Exception {
		List<Long> subjects = startOverdueClocks(DeadlineClocks.SWEEP_BATCH + 100);
		CountDownLatch ready = new CountDownLatch(2);
		Callable<Integer> sweep = () -> {
			ready.countDown();
			ready.await();
			return this.clocks.sweep();
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = pool.invokeAll(List.of(sweep, sweep));
			assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(subjects.size());
		}
		finally {
			pool.shutdown();
		}

		assertThat(breachesPerSubject(subjects)).containsOnly(1L);
		assertThat(this.clocks.running(PETITION, subjects).values())
			.allSatisfy((running) -> assertThat(running).singleElement()
				.extracting(DeadlineClock::state)
				.isEqualTo(ClockState.RED));
	}

	@Test
	void runningClocksOfManySubjectsAreReadTogether() {
		List<Long> subjects = startOverdueClocks(DeadlineClocks.QUERY_CHUNK + 1);
		long last = subjects.get(subjects.size() - 1);
		inTransaction(() -> this.clocks.stop(PETITION, last, "REPORT", local("2024-05-09T09:30")));
		long withoutClocks = SUBJECTS.incrementAndGet();
		List<Long> asked = new ArrayList<>(subjects);
		asked.add(withoutClocks);

		Map<Long, List<DeadlineClock>> running = this.clocks.running(PETITION, asked);

		assertThat(running.keySet()).containsExactlyElementsOf(asked);
		assertThat(running.get(subjects.get(0))).singleElement()
			.extracting(DeadlineClock::subjectId)
			.isEqualTo(subjects.get(0));
		assertThat(running.get(subjects.get(DeadlineClocks.QUERY_CHUNK - 1))).hasSize(1);
		assertThat(running.get(last)).isEmpty();
		assertThat(running.get(withoutClocks)).isEmpty();
	}

	/**
	 * Starts a REPORT clock on each of {@code count} new subjects and moves the clock
	 * past their due instant.
	 */
	private List<Long> startOverdueClocks(int count) {
		List<Long> subjects = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			subjects.add(SUBJECTS.incrementAndGet());
		}
		DeadlinePolicy policy = DeadlinePolicy.parse("DAY_N 5 12:00");
		this.transaction.executeWithoutResult((status) -> subjects
			.forEach((id) -> this.clocks.start(PETITION, id, "REPORT", policy, local("2024-05-08T09:30"))));
		this.clock.setTo(local("2024-05-13T09:00"));
		return subjects;
	}

	private List<Long> breachesPerSubject(List<Long> subjects) {
		Map<String, Long> counts = new java.util.HashMap<>();
		this.jdbc.sql("""
				select subject_id, count(*) as breaches from journal_entry
				where subject_type = ? and event_type = 'DeadlineClockBreached'
				group by subject_id""")
			.param(PETITION)
			.query((rs, row) -> Map.entry(rs.getString("subject_id"), rs.getLong("breaches")))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return subjects.stream().map((id) -> counts.getOrDefault(String.valueOf(id), 0L)).toList();
	}

}
