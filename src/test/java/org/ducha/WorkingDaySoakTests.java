package org.ducha;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.journal.JournalVerifier;
import org.ducha.journal.Verification;
import org.ducha.petitions.ClosureCondition;
import org.ducha.petitions.Closures;
import org.ducha.petitions.FollowUpMethod;
import org.ducha.petitions.HandlingReport;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.SatisfactionAnswer;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.HandledCases;
import org.ducha.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A working day of an office, compressed: from 08:30 to 20:30 on the moved clock, a batch
 * arrives every hour and is received and assigned (but for one left unreceived until its
 * clock runs out the next morning), the handler reports on the previous hour's cases, the
 * office approves them or returns one for supplement, approved cases are followed up and
 * closed, the deadline sweep runs every quarter of an hour, and the pool retires all its
 * connections every hour as its {@code max-lifetime} would. Every write must succeed
 * throughout, and at the end every case is where its day took it and the journal's chain
 * is intact.
 */
@DatabaseTest
@TestPropertySource(properties = "ducha.demo=true")
@Import(WorkingDaySoakTests.Clocks.class)
class WorkingDaySoakTests {

	private static final int HOURS = 12;

	private static final int CASES_PER_BATCH = 4;

	/** Not a {@code @TestConfiguration}, so that other contexts never pick it up. */
	static class Clocks {

		@Bean
		@Primary
		MutableClock soakTestClock() {
			return new MutableClock(LocalDateTime.parse("2026-11-23T08:30").atZone(Cases.ZONE).toInstant(), Cases.ZONE);
		}

	}

	@Autowired
	UserDetailsService users;

	@Autowired
	RoundManagement rounds;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	PetitionQueries queries;

	@Autowired
	HandlingReports reports;

	@Autowired
	Closures closures;

	@Autowired
	DeadlineClocks clocks;

	@Autowired
	JournalVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	@Test
	void aWholeWorkingDayOfWritesSucceedsWhileThePoolRecyclesItsConnections() {
		HandledCases cases = new HandledCases(this.users, this.rounds, this.petitions, this.queries, this.reports,
				this.jdbc, this.clock);
		List<Long> registered = new ArrayList<>();
		Map<Long, HandlingReport> reported = new LinkedHashMap<>();
		List<Long> approved = new ArrayList<>();
		List<Long> closed = new ArrayList<>();
		int returns = 0;
		int swept = 0;
		Instant nextMorning = this.clock.instant().plus(Duration.ofHours(24).plusMinutes(30));
		// A batch registered first thing and left unreceived until the next morning.
		long late = cases.batch();
		long lateCase = cases.register(late, "D3JX202611229901");
		for (int hour = 0; hour < HOURS; hour++) {
			retireEveryPooledConnection();
			List<Long> arrived = new ArrayList<>();
			long batch = cases.batch();
			for (int i = 0; i < CASES_PER_BATCH; i++) {
				arrived.add(cases.register(batch, String.format("D3JX20261123%02d%02d", hour, i)));
			}
			cases.receive(batch);
			arrived.forEach((id) -> cases.assign(id, false));

			for (long id : registered) {
				reported.put(id, cases.submitted(id));
			}
			registered = arrived;

			for (Map.Entry<Long, HandlingReport> entry : reported.entrySet()) {
				long id = entry.getKey();
				HandlingReport report = entry.getValue();
				if (id % 5 == 0) {
					long returned = report.rowVersion();
					cases.as("office", () -> this.reports.returnForSupplement(id, returned, "请补充现场照片。"));
					report = cases.submitted(id);
					returns++;
				}
				long rowVersion = report.rowVersion();
				cases.as("office", () -> this.reports.approve(id, rowVersion, null));
				approved.add(id);
			}
			reported.clear();

			for (long id : new ArrayList<>(approved)) {
				if (id % 2 == 0) {
					close(cases, id);
					approved.remove(id);
					closed.add(id);
				}
			}

			for (int quarter = 0; quarter < 4; quarter++) {
				this.clock.forward(Duration.ofMinutes(15));
				swept += this.clocks.sweep();
			}
		}

		// The night until 09:00, swept every hour: the batch left unreceived turns
		// yellow, then red.
		while (this.clock.instant().isBefore(nextMorning)) {
			retireEveryPooledConnection();
			this.clock.forward(Duration.ofHours(1));
			swept += this.clocks.sweep();
		}
		cases.receive(late);
		cases.assign(lateCase, true);
		registered.add(lateCase);

		assertThat(status(registered)).containsOnly("ASSIGNED");
		assertThat(status(approved)).containsOnly("APPROVED");
		assertThat(status(closed)).containsOnly("CLOSED");
		assertThat(registered.size() + approved.size() + closed.size()).isEqualTo(HOURS * CASES_PER_BATCH + 1);
		assertThat(returns).isPositive();
		assertThat(swept).as("clock changes the sweep journaled").isPositive();
		Verification verification = this.verifier.verify();
		assertThat(verification.intact()).as(verification.reason()).isTrue();
	}

	private void close(HandledCases cases, long id) {
		cases.as("office", () -> {
			for (ClosureCondition condition : ClosureCondition.values()) {
				if (condition == ClosureCondition.PUBLIC_SATISFIED) {
					this.closures.recordSatisfaction(id, SatisfactionAnswer.SATISFIED, FollowUpMethod.PHONE,
							"对处理结果满意。");
				}
				else {
					this.closures.recordMet(id, condition, "经督察办现场核查确认。");
				}
			}
			this.closures.close(id, this.queries.petition(id).version());
			return null;
		});
	}

	private List<String> status(List<Long> ids) {
		return ids.stream()
			.map((id) -> this.jdbc.sql("select status from petition where id = ?")
				.param(id)
				.query(String.class)
				.single())
			.toList();
	}

	private void retireEveryPooledConnection() {
		((HikariDataSource) this.dataSource).getHikariPoolMXBean().softEvictConnections();
	}

}
