package org.ducha.petitions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.ducha.deadlines.ClockState;
import org.ducha.deadlines.DeadlineClock;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A case's receipt and report clocks follow the round's policies, the sweep turns them
 * red, and the work queue puts overdue cases first.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
@Import(PetitionClockTests.Clocks.class)
class PetitionClockTests {

	/** Not a {@code @TestConfiguration}, so that other contexts never pick it up. */
	static class Clocks {

		@Bean
		@Primary
		MutableClock petitionTestClock() {
			return new MutableClock(local("2026-11-20T09:00"), Cases.ZONE);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoundManagement rounds;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	PetitionQueries queries;

	@Autowired
	WorkQueue work;

	@Autowired
	DeadlineClocks clocks;

	@Autowired
	MutableClock clock;

	private static int batches = 0;

	private long batchId;

	static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(Cases.ZONE).toInstant();
	}

	@BeforeEach
	void newBatch() {
		this.clock.setTo(local("2026-11-20T09:00"));
		Demo.signIn(this.users, "office");
		long round = Cases.round(this.rounds);
		this.batchId = Cases.batch(this.rounds, round, ++batches, local("2026-11-20T08:00"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private long register(String number) {
		return this.petitions.register(this.batchId, Cases.airComplaint(number, local("2026-11-20T08:00")));
	}

	@Test
	void aTransferredCaseRunsItsReceiptClockFromTheTransfer() {
		long id = register("D3JX202611200001");
		DeadlineClock receipt = this.clocks.of("petition", id).get(0);
		assertThat(receipt.kind()).isEqualTo("RECEIPT");
		assertThat(receipt.dueAt()).isEqualTo(local("2026-11-21T08:00"));
		Petition petition = this.queries.petition(id);
		assertThat(petition.clockKind()).isEqualTo("RECEIPT");
		assertThat(petition.clockState()).isEqualTo(ClockState.GREEN);
	}

	@Test
	void theSweepTurnsAnUnreceivedCaseRed() {
		long id = register("D3JX202611200001");
		this.clock.forward(Duration.ofHours(24));
		this.clocks.sweep();
		assertThat(this.queries.petition(id).clockState()).isEqualTo(ClockState.RED);
	}

	@Test
	void receivingStopsTheReceiptClockAndStartsTheReportClockByPriority() {
		long ordinary = register("D3JX202611200001");
		long key = this.petitions.register(this.batchId,
				Cases.waterComplaint("D3JX202611200002", local("2026-11-20T08:00")));
		this.clock.setTo(local("2026-11-20T10:00"));
		this.petitions.receiveBatch(this.batchId);
		List<DeadlineClock> clocks = this.clocks.of("petition", ordinary);
		assertThat(clocks).extracting(DeadlineClock::kind).containsExactly("RECEIPT", "REPORT");
		assertThat(clocks.get(0).late()).isFalse();
		assertThat(clocks.get(1).dueAt()).isEqualTo(local("2026-11-24T12:00"));
		assertThat(this.queries.petition(ordinary).clockKind()).isEqualTo("REPORT");
		assertThat(this.clocks.of("petition", key).get(1).policy()).isEqualTo("DAY_N 5 12:00");
	}

	@Test
	void aCaseRegisteredInAReceivedBatchStartsItsReportClockAtOnce() {
		this.petitions.receiveBatch(this.batchId);
		long id = register("D3JX202611200003");
		assertThat(this.clocks.of("petition", id)).extracting(DeadlineClock::kind).containsExactly("REPORT");
	}

	@Test
	void overdueCasesComeFirstInTheWorkQueue() {
		long early = register("D3JX202611200004");
		this.clock.forward(Duration.ofHours(25));
		long late = this.petitions.register(this.batchId,
				Cases.airComplaint("D3JX202611200005", local("2026-11-21T09:00")));
		this.clocks.sweep();
		List<Long> queue = this.work.mine().stream().map(Petition::id).toList();
		assertThat(queue).containsSubsequence(early, late);
	}

	@Test
	void aHandlersQueueHoldsOnlyItsUnitsCases() throws Exception {
		long mine = register("D3JX202611200006");
		long other = register("D3JX202611200007");
		long bureau = this.jdbc.sql("select id from unit where name = '萍乡市生态环境局'").query(Long.class).single();
		long water = this.jdbc.sql("select id from unit where name = '萍乡市水利局'").query(Long.class).single();
		this.petitions.assign(mine, 0, bureau, List.of(), List.of());
		this.petitions.assign(other, 0, water, List.of(), List.of());
		Demo.signIn(this.users, "handler");
		assertThat(this.work.mine()).extracting(Petition::id).contains(mine).doesNotContain(other);
		this.mvc.perform(get("/work").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("D3JX202611200006")))
			.andExpect(content().string(containsString("剩余")));
	}

	/**
	 * Only 2024 to 2026 are loaded: a five-working-day report clock started on 28
	 * December 2026 runs into 2027, which is counted by weekdays and flagged.
	 */
	@Test
	void aDeadlineComputedWithoutTheNextYearsCalendarIsFlaggedWhereverItShows() throws Exception {
		this.clock.setTo(local("2026-12-28T09:00"));
		long round = this.rounds.createRound(new RoundDraft("第三轮省级生态环境保护督察（年末）", RoundLevel.PROVINCIAL,
				"江西省第三生态环境保护督察组", "360300", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 15), "0799-6660000",
				"DURATION PT24H", "WORKDAY_N 5 24:00", "WORKDAY_N 5 24:00", "DURATION PT6H"));
		long batch = Cases.batch(this.rounds, round, 1, local("2026-12-28T08:00"));
		long id = this.petitions.register(batch, Cases.airComplaint("D3JX202612280001", local("2026-12-28T08:00")));
		assertThat(this.queries.petition(id).clockYearsNotLoaded()).as("receipt clock: 24 hours, no calendar")
			.isEmpty();
		this.petitions.receiveBatch(batch);
		assertThat(this.queries.petition(id).clockYearsNotLoaded()).containsExactly(2027);
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本件时限计算时未加载2027年日历")));
		this.mvc.perform(get("/ledger").param("receipt", "D3JX202612280001").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日历未加载：2027年，按工作日推算")));
		this.mvc.perform(get("/work").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日历未加载：2027年，按工作日推算")));
		this.mvc.perform(get("/calendar").with(Demo.as(this.users, "sysadmin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有 1 个正在计时的时限需要2027年的节假日安排")));
	}

	@Test
	void aCasesHistoryFoldsTheTimerEventsBetweenWhatPeopleDid() throws Exception {
		long id = register("D3JX202611200008");
		this.petitions.receiveBatch(this.batchId);
		long bureau = this.jdbc.sql("select id from unit where name = '萍乡市生态环境局'").query(Long.class).single();
		this.petitions.assign(id, this.queries.petition(id).version(), bureau, List.of(), List.of());
		this.clock.forward(Duration.ofDays(6));
		this.clocks.sweep();
		String page = this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String history = page.substring(page.lastIndexOf("class=\"timeline\""));
		assertThat(history).containsSubsequence("1 条时限提醒", "<strong>登记信访件</strong>", "2 条时限提醒", "<strong>交办</strong>",
				"1 条时限提醒");
		assertThat(history).contains("<details>");
	}

}
