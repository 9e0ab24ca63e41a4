package org.ducha.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ducha.DuchaApplication;
import org.ducha.journal.JournalVerifier;
import org.ducha.journal.Verification;
import org.ducha.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database sweeping at the same moment, as happens when the
 * ShedLock lock expires mid-run or a node restarts: each clock is moved and journaled
 * once, and the journal stays one chain.
 */
@Tag("database")
class TwoNodeSweepTests {

	private static final int CLOCKS = DeadlineClocks.SWEEP_BATCH + 150;

	private static final int SWEEPS_PER_NODE = 2;

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		String database = "twosweep" + UUID.randomUUID().toString().replace("-", "");
		nodeA = node(database);
		nodeB = node(database);
	}

	private static ConfigurableApplicationContext node(String database) {
		return new SpringApplicationBuilder(DuchaApplication.class).run("--server.port=0",
				"--" + TestDatabase.SHARED_NAME + "=" + database);
	}

	@AfterAll
	static void stopNodes() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	@Test
	void sweepsOnTwoNodesAtOnceMoveAndJournalEachClockOnce() throws Exception {
		List<Long> subjects = startClocksOnNodeA();
		pastTheirDueInstant(subjects);

		CountDownLatch ready = new CountDownLatch(2 * SWEEPS_PER_NODE);
		ExecutorService pool = Executors.newFixedThreadPool(2 * SWEEPS_PER_NODE);
		List<Future<Integer>> sweeps = new ArrayList<>();
		for (int i = 0; i < SWEEPS_PER_NODE; i++) {
			sweeps.add(pool.submit(sweep(nodeA, ready)));
			sweeps.add(pool.submit(sweep(nodeB, ready)));
		}
		int moved = 0;
		for (Future<Integer> sweep : sweeps) {
			moved += sweep.get();
		}
		pool.shutdown();

		assertThat(moved).isEqualTo(CLOCKS);
		JdbcClient jdbc = nodeB.getBean(JdbcClient.class);
		assertThat(jdbc.sql("""
				select count(*) from journal_entry
				where subject_type = 'two-node' and event_type = 'DeadlineClockBreached'""").query(Long.class).single())
			.isEqualTo(CLOCKS);
		assertThat(jdbc.sql("""
				select count(distinct subject_id) from journal_entry
				where subject_type = 'two-node' and event_type = 'DeadlineClockBreached'""").query(Long.class).single())
			.isEqualTo(CLOCKS);
		assertThat(nodeB.getBean(DeadlineClocks.class).running("two-node", subjects).values())
			.allSatisfy((running) -> assertThat(running).singleElement()
				.extracting(DeadlineClock::state)
				.isEqualTo(ClockState.RED));
		Verification chain = nodeB.getBean(JournalVerifier.class).verify();
		assertThat(chain.intact()).as("journal chain: %s", chain).isTrue();
	}

	private static List<Long> startClocksOnNodeA() {
		DeadlineClocks clocks = nodeA.getBean(DeadlineClocks.class);
		Instant now = nodeA.getBean(Clock.class).instant();
		DeadlinePolicy policy = DeadlinePolicy.parse("DURATION PT24H");
		List<Long> subjects = new ArrayList<>();
		for (long id = 1; id <= CLOCKS; id++) {
			subjects.add(id);
		}
		nodeA.getBean(TransactionTemplate.class)
			.executeWithoutResult((status) -> subjects
				.forEach((id) -> clocks.start("two-node", id, "RECEIPT", policy, now.minus(Duration.ofHours(1)))));
		return subjects;
	}

	/**
	 * The nodes run on the application's clock, which a test cannot move in both at once;
	 * the clocks are moved instead, as if a day had passed with no node sweeping.
	 */
	private static void pastTheirDueInstant(List<Long> subjects) {
		Instant now = nodeA.getBean(Clock.class).instant();
		int updated = nodeA.getBean(JdbcClient.class)
			.sql("update deadline_clock set due_at = ?, warn_at = ? where subject_type = 'two-node'")
			.params(now.minus(Duration.ofMinutes(1)).atOffset(ZoneOffset.UTC),
					now.minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
			.update();
		assertThat(updated).isEqualTo(subjects.size());
	}

	private static Callable<Integer> sweep(ConfigurableApplicationContext node, CountDownLatch ready) {
		DeadlineClocks clocks = node.getBean(DeadlineClocks.class);
		return () -> {
			ready.countDown();
			ready.await();
			return clocks.sweep();
		};
	}

}
