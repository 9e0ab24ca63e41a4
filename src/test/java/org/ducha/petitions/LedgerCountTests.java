package org.ducha.petitions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.ducha.deadlines.ClockState;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.ducha.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger counts a district's cases by clock state, and a handler's, from copies of
 * the clock state on the case's districts and assignments: these tests move real clocks
 * with the sweep and assign cases after the fact, then check that each such count is the
 * number of rows the ledger lists for the same filter, across every case in the database.
 * The annotations match {@link PetitionClockTests}', so that both share one context.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
@Import(PetitionClockTests.Clocks.class)
class LedgerCountTests {

	private static final String XIANGDONG = "360313";

	private static final String ANYUAN = "360302";

	@Autowired
	Ledger ledger;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	RoundManagement rounds;

	@Autowired
	DeadlineClocks clocks;

	@Autowired
	MutableClock clock;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private long batchId;

	@BeforeEach
	void newBatch() {
		this.clock.setTo(PetitionClockTests.local("2026-11-20T09:00"));
		Demo.signIn(this.users, "office");
		long round = Cases.round(this.rounds);
		this.batchId = Cases.batch(this.rounds, round, 1, PetitionClockTests.local("2026-11-20T08:00"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theSweepTurningACaseRedCountsItAmongItsDistrictsRedCases() {
		long id = register("D3JX202611210001", XIANGDONG);
		assign(id, "萍乡市生态环境局");
		this.clock.forward(Duration.ofHours(24));
		this.clocks.sweep();
		LedgerFilter redInXiangdong = district(XIANGDONG, ClockState.RED);
		for (String login : List.of("office", "handler")) {
			assertThat(ids(login, redInXiangdong)).as(login).contains(id);
			assertThat(count(login, redInXiangdong)).as(login).isEqualTo(ids(login, redInXiangdong).size());
		}
		assertThat(ids("office", district(XIANGDONG, ClockState.GREEN))).doesNotContain(id);
	}

	@Test
	void aCaseAssignedAfterItTurnedRedCountsAmongTheHandlersRedCases() {
		long id = register("D3JX202611210002", XIANGDONG);
		this.clock.forward(Duration.ofHours(24));
		this.clocks.sweep();
		assign(id, "萍乡市生态环境局");
		LedgerFilter red = district(null, ClockState.RED);
		assertThat(ids("handler", red)).contains(id);
		assertThat(count("handler", red)).isEqualTo(ids("handler", red).size());
		assertThat(count("handler", district(XIANGDONG, ClockState.RED)))
			.isEqualTo(ids("handler", district(XIANGDONG, ClockState.RED)).size());
	}

	@Test
	void aCaseOfTwoDistrictsAndTwoOfTheHandlersUnitsCountsOnce() {
		long id = register("D3JX202611210003", XIANGDONG, ANYUAN);
		assign(id, "湘东区人民政府", "湘东区下埠镇人民政府");
		for (LedgerFilter filter : List.of(district(null, null), district(null, ClockState.GREEN),
				district(XIANGDONG, null), district(ANYUAN, ClockState.GREEN))) {
			assertThat(ids("xiangdong", filter)).as(filter.toString()).containsOnlyOnce(id);
			assertThat(count("xiangdong", filter)).as(filter.toString()).isEqualTo(ids("xiangdong", filter).size());
		}
	}

	private long register(String number, String... districts) {
		NewPetition air = Cases.airComplaint(number, PetitionClockTests.local("2026-11-20T08:00"));
		return this.petitions.register(this.batchId,
				new NewPetition(air.receiptNumber(), air.transferredAt(), air.channel(), air.priority(),
						air.complaint(), air.reportedObject(), air.address(), List.of(districts), air.pollutionTypes(),
						air.repeatOf(), air.complainantName(), air.complainantPhone()));
	}

	private void assign(long id, String lead, String... coUnits) {
		this.petitions.assign(id, 0, unit(lead), Arrays.stream(coUnits).map(this::unit).toList(), List.of());
	}

	private long unit(String name) {
		return this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * A filter of nothing but a district and a clock state, which the count reads fast.
	 */
	private static LedgerFilter district(String region, ClockState clock) {
		return new LedgerFilter(null, null, region, null, null, null, null, clock, null, null);
	}

	private long count(String login, LedgerFilter filter) {
		return as(login, () -> this.ledger.count(filter));
	}

	/** The ids of every row the ledger lists for the filter. */
	private List<Long> ids(String login, LedgerFilter filter) {
		return as(login, () -> {
			List<Long> ids = new ArrayList<>();
			this.ledger.forEachRow(filter, LedgerSort.DEFAULT, (row) -> ids.add(row.id()));
			return ids;
		});
	}

	private <T> T as(String login, Supplier<T> action) {
		Demo.signIn(this.users, login);
		try {
			return action.get();
		}
		finally {
			Demo.signIn(this.users, "office");
		}
	}

}
