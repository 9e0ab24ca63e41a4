package org.ducha.petitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.ducha.deadlines.DeadlineClock;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.journal.JournalEntry;
import org.ducha.journal.JournalQueries;
import org.ducha.rounds.RoundManagement;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.springframework.http.MediaType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Look-backs at closed cases: scheduling them, recording what they found, and a rebound
 * reopening the case in a new cycle with a new report clock.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class LookBackTests {

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
	Closures closures;

	@Autowired
	LookBacks lookBacks;

	@Autowired
	PetitionClocks petitionClocks;

	@Autowired
	DeadlineClocks deadlineClocks;

	@Autowired
	JournalQueries journal;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	private ClosingCases cases;

	private long batchId;

	@BeforeEach
	void signInAsOffice() {
		Demo.signIn(this.users, "office");
		this.cases = new ClosingCases(this.petitions, this.closures, this.petitionClocks, this.jdbc, this.transaction,
				this.clock);
		long round = Cases.round(this.rounds);
		this.batchId = Cases.batch(this.rounds, round, 1, this.clock.instant().minus(Duration.ofHours(2)));
		this.petitions.receiveBatch(this.batchId);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.clock.getZone());
	}

	private long scheduleOne(long petitionId, LookBackMethod method) {
		return this.lookBacks.schedule(List.of(petitionId), List.of(), method, today().plusDays(7), "市督察办二组").get(0);
	}

	private List<JournalEntry> entries(String subjectType, long id, String eventType) {
		return this.journal.historyOf(subjectType, id).stream().filter((e) -> e.eventType().equals(eventType)).toList();
	}

	@Test
	void aLookBackWithoutReboundKeepsTheCaseClosed() {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long lookBack = scheduleOne(id, LookBackMethod.UNANNOUNCED_VISIT);
		this.lookBacks.recordOutcome(lookBack, LookBackOutcome.NO_REBOUND, "夜间暗访，烟囱未见黑烟，周边无异味。");
		assertThat(this.cases.status(id)).isEqualTo("CLOSED");
		assertThat(this.closures.overview(id).cycle()).isEqualTo(1);
		assertThat(this.lookBacks.lookBack(lookBack)).extracting(LookBack::outcome, LookBack::reopenedCycle)
			.containsExactly(LookBackOutcome.NO_REBOUND, null);
		assertThat(entries("look_back", lookBack, "LookBackScheduled")).hasSize(1);
		assertThat(entries("look_back", lookBack, "LookBackRecorded")).hasSize(1);
	}

	@Test
	void aReboundReopensTheCaseWithANewRunningReportClock() {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long lookBack = scheduleOne(id, LookBackMethod.ON_SITE_CHECK);
		Instant before = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.lookBacks.recordOutcome(lookBack, LookBackOutcome.REBOUND, "现场核查发现夜间仍有生产，烟囱冒黑烟。");
		assertThat(this.cases.status(id)).isEqualTo("ASSIGNED");
		List<DeadlineClock> report = this.deadlineClocks.of("petition", id)
			.stream()
			.filter((c) -> c.kind().equals("REPORT"))
			.toList();
		assertThat(report).hasSize(2);
		assertThat(report.get(0).running()).isFalse();
		assertThat(report.get(1).running()).isTrue();
		assertThat(report.get(1).startedAt()).isAfterOrEqualTo(before);
	}

	@Test
	void aReboundStartsANewCycleAndTheOldCycleStaysReadable() {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long lookBack = scheduleOne(id, LookBackMethod.PHONE_FOLLOW_UP);
		this.lookBacks.recordOutcome(lookBack, LookBackOutcome.REBOUND, "群众反映问题再次出现。");
		ClosureOverview overview = this.closures.overview(id);
		assertThat(overview.cycle()).isEqualTo(2);
		assertThat(overview.lines()).allSatisfy((line) -> assertThat(line.open()).isTrue());
		assertThat(overview.satisfactions()).isEmpty();
		assertThat(overview.pastCycles()).singleElement().satisfies((past) -> {
			assertThat(past.result().reopenedByLookBack()).isEqualTo(lookBack);
			assertThat(past.result().verdict()).isEqualTo(Verdict.TRUE);
			assertThat(past.conditions()).hasSize(6);
			assertThat(past.satisfactions()).extracting(Satisfaction::answer)
				.containsExactly(SatisfactionAnswer.SATISFIED);
		});
		assertThat(this.closures.conditions(id, 1)).extracting(ConditionRecord::condition)
			.containsExactly(ClosureCondition.values());
		assertThat(this.lookBacks.lookBack(lookBack).reopenedCycle()).isEqualTo(2);
	}

	@Test
	void aReboundIsJournaledOnTheCaseWithTheLookBackAndThePreviousResult() {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long lookBack = scheduleOne(id, LookBackMethod.ON_SITE_CHECK);
		this.lookBacks.recordOutcome(lookBack, LookBackOutcome.REBOUND, "现场核查发现问题反弹。");
		assertThat(entries("petition", id, "PetitionReopened")).singleElement()
			.extracting(JournalEntry::data)
			.satisfies((data) -> assertThat(data).contains("\"lookBack\":" + lookBack)
				.contains("\"previousCycle\":1")
				.contains("\"cycle\":2")
				.contains("\"previousVerdict\":\"TRUE\""));
		assertThat(entries("look_back", lookBack, "LookBackRecorded")).hasSize(1);
	}

	@Test
	void aReopenedCaseClosesAgainOnlyUnderItsNewCycle() {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		this.lookBacks.recordOutcome(scheduleOne(id, LookBackMethod.ON_SITE_CHECK), LookBackOutcome.REBOUND, "问题反弹。");
		this.jdbc.sql("update petition set status = 'APPROVED' where id = ?").param(id).update();
		ConditionsMissing refused = catchThrowableOfType(ConditionsMissing.class,
				() -> this.closures.close(id, this.cases.version(id)));
		assertThat(refused.missing()).containsExactly(ClosureCondition.values());
	}

	@Test
	void onlyClosedCasesAreLookedBackAt() {
		// Receipt numbers are unique within a round only; the tests of this class share a
		// database, so a number looked up across rounds is used by this test alone.
		long open = this.cases.approved(this.batchId, "D3JX202611219901");
		assertThatThrownBy(() -> scheduleOne(open, LookBackMethod.UNANNOUNCED_VISIT)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("lookBack.notClosed");
		InvalidInput byNumber = catchThrowableOfType(InvalidInput.class, () -> this.lookBacks.schedule(List.of(),
				List.of("D3JX202611219901", "D3JX209912310001"), LookBackMethod.UNANNOUNCED_VISIT, today(), null));
		assertThat(byNumber.problems()).extracting(InvalidInput.Problem::code)
			.containsExactly("lookBack.receiptNumber.notClosed", "lookBack.receiptNumber.unknown");
	}

	@Test
	void manyCasesAreScheduledAtOnceFromTheListAndByReceiptNumber() {
		long first = this.cases.closed(this.batchId, "D3JX202611210001");
		// Looked up across rounds: a number no other test uses.
		long second = this.cases.closed(this.batchId, "D3JX202611219902");
		List<Long> scheduled = this.lookBacks.schedule(List.of(first), List.of("D3JX202611219902"),
				LookBackMethod.UNANNOUNCED_VISIT, today(), "重点核查夜间生产");
		assertThat(scheduled).hasSize(2);
		assertThat(scheduled.stream().map((lb) -> this.lookBacks.lookBack(lb).petitionId())).containsExactly(first,
				second);
	}

	@Test
	void aLookBackCannotBeScheduledForADayGoneBy() {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> this.lookBacks.schedule(List.of(id),
				List.of(), LookBackMethod.ON_SITE_CHECK, today().minusDays(1), null));
		assertThat(refused.problems()).extracting(InvalidInput.Problem::field).containsExactly("scheduledFor");
	}

	@Test
	void anOutcomeIsRecordedOnce() {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long lookBack = scheduleOne(id, LookBackMethod.ON_SITE_CHECK);
		this.lookBacks.recordOutcome(lookBack, LookBackOutcome.NO_REBOUND, "未反弹。");
		assertThatThrownBy(() -> this.lookBacks.recordOutcome(lookBack, LookBackOutcome.REBOUND, "又反弹了。"))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("lookBack.alreadyRecorded");
		assertThat(this.cases.status(id)).isEqualTo("CLOSED");
	}

	@Test
	void overdueLookBacksComeFirst() throws Exception {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long later = scheduleOne(id, LookBackMethod.PHONE_FOLLOW_UP);
		long overdue = scheduleOne(id, LookBackMethod.UNANNOUNCED_VISIT);
		// Scheduling refuses past days; the passing of time is simulated in the table.
		this.jdbc.sql("update look_back set scheduled_for = ? where id = ?")
			.params(today().minusDays(3), overdue)
			.update();
		List<Long> pending = this.lookBacks.pending().stream().map(LookBack::id).toList();
		assertThat(pending.indexOf(overdue)).isLessThan(pending.indexOf(later));
		this.mvc.perform(get("/look-backs").with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已过计划日期")))
			.andExpect(content().string(not(containsString("安排回头看</h2>"))));
	}

	@Test
	void theUnitsCannotSeeAnUnannouncedVisitComing() throws Exception {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		scheduleOne(id, LookBackMethod.UNANNOUNCED_VISIT);
		this.mvc.perform(get("/look-backs").with(Demo.as(this.users, "handler"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("暗访"))))
			.andExpect(content().string(not(containsString("LookBackScheduled"))));
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("暗访")));
		Demo.signIn(this.users, "handler");
		assertThatThrownBy(() -> this.lookBacks.ofPetition(id)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void leadersReadTheOfficesTextsWithPersonalNumbersMasked() throws Exception {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long lookBack = this.lookBacks
			.schedule(List.of(id), List.of(), LookBackMethod.PHONE_FOLLOW_UP, today().plusDays(7), "回访举报人 13907990001")
			.get(0);
		this.lookBacks.recordOutcome(lookBack, LookBackOutcome.NO_REBOUND, "已电话回访 13907990001，群众表示满意。");
		assertThat(this.lookBacks.lookBack(lookBack).finding()).contains("13907990001");
		this.mvc.perform(get("/look-backs").with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("13907990001"))));
		this.mvc.perform(get("/api/look-backs/" + lookBack).with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("13907990001"))))
			.andExpect(content().string(containsString("群众表示满意")));
		Demo.signIn(this.users, "leader");
		assertThat(this.lookBacks.ofPetition(id)).singleElement()
			.satisfies((l) -> assertThat(l.assignedNote() + l.finding()).doesNotContain("13907990001"));
	}

	@Test
	void aLookBackIsMovedOrCalledOffWithAReasonAndACalledOffOneStaysOnRecord() throws Exception {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long moved = scheduleOne(id, LookBackMethod.UNANNOUNCED_VISIT);
		InvalidInput refused = catchThrowableOfType(InvalidInput.class,
				() -> this.lookBacks.reschedule(moved, today().minusDays(1), " "));
		assertThat(refused.problems()).extracting(InvalidInput.Problem::field)
			.containsExactly("scheduledFor", "reason");
		assertThat(this.lookBacks.lookBack(moved).scheduledFor()).isEqualTo(today().plusDays(7));
		this.lookBacks.reschedule(moved, today().plusDays(10), "暗访人员临时另有任务");
		assertThat(this.lookBacks.lookBack(moved).scheduledFor()).isEqualTo(today().plusDays(10));
		assertThat(entries("look_back", moved, "LookBackRescheduled")).singleElement()
			.satisfies((e) -> assertThat(e.data()).contains(today().plusDays(7).toString(),
					today().plusDays(10).toString()));

		this.mvc
			.perform(post("/look-backs/" + moved + "/change").param("action", "cancel")
				.param("reason", "该企业已依法关闭，无需核查")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/look-backs/" + moved));
		Demo.signIn(this.users, "office");
		LookBack cancelled = this.lookBacks.lookBack(moved);
		assertThat(cancelled.cancelled()).isTrue();
		assertThat(cancelled.pending()).isFalse();
		assertThat(this.lookBacks.pending()).extracting(LookBack::id).doesNotContain(moved);
		assertThat(this.lookBacks.ofPetition(id)).extracting(LookBack::id).contains(moved);
		assertThat(entries("look_back", moved, "LookBackCancelled")).hasSize(1);
		assertThatThrownBy(() -> this.lookBacks.recordOutcome(moved, LookBackOutcome.REBOUND, "仍有异味"))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("lookBack.cancelled.already");
		assertThatThrownBy(() -> this.lookBacks.reschedule(moved, today().plusDays(3), "再改一次"))
			.isInstanceOf(RuleViolation.class);
		assertThat(this.cases.status(id)).isEqualTo("CLOSED");
		this.mvc.perform(get("/look-backs/" + moved).with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该企业已依法关闭")))
			.andExpect(content().string(not(containsString("action=\"cancel\""))));
	}

	@Test
	void theApiMovesAndCallsOffLookBacksForTheOfficeOnly() throws Exception {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long lookBack = scheduleOne(id, LookBackMethod.ON_SITE_CHECK);
		String day = today().plusDays(12).toString();
		this.mvc
			.perform(post("/api/look-backs/" + lookBack + "/reschedule").contentType(MediaType.APPLICATION_JSON)
				.content("{\"scheduledFor\": \"" + day + "\", \"reason\": \"与环保督察组现场核查时间冲突\"}")
				.with(csrf())
				.with(Demo.as(this.users, "leader")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/look-backs/" + lookBack + "/reschedule").contentType(MediaType.APPLICATION_JSON)
				.content("{\"scheduledFor\": \"" + day + "\", \"reason\": \"与环保督察组现场核查时间冲突\"}")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scheduledFor").value(day));
		this.mvc
			.perform(post("/api/look-backs/" + lookBack + "/cancel").contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].en").value(containsString("reason")));
		this.mvc
			.perform(post("/api/look-backs/" + lookBack + "/cancel").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"企业已关闭\"}")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cancelReason").value("企业已关闭"));
	}

	@Test
	void aPlannedDayThatIsNotADateComesBackOnTheFormWithWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/look-backs").param("receiptNumbers", "D3JX202611210001")
				.param("method", "ON_SITE_CHECK")
				.param("scheduledFor", "12月20日")
				.param("note", "市督察办二组")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(view().name("petitions/look-backs"))
			.andExpect(content().string(containsString("日期“12月20日”无法识别")))
			.andExpect(content().string(containsString("value=\"12月20日\"")))
			.andExpect(content().string(containsString("D3JX202611210001</textarea>")))
			.andExpect(content().string(containsString("市督察办二组")));
	}

	@Test
	void aNewDayThatIsNotADateComesBackWithTheReasonTyped() throws Exception {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		long lookBack = scheduleOne(id, LookBackMethod.ON_SITE_CHECK);
		this.mvc
			.perform(post("/look-backs/" + lookBack + "/change").param("action", "reschedule")
				.param("scheduledFor", "下周三")
				.param("reason", "暗访人员临时另有任务")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(view().name("petitions/look-back"))
			.andExpect(content().string(containsString("日期“下周三”无法识别")))
			.andExpect(content().string(containsString("value=\"下周三\"")))
			.andExpect(content().string(containsString("暗访人员临时另有任务")));
		Demo.signIn(this.users, "office");
		assertThat(this.lookBacks.lookBack(lookBack).scheduledFor()).isEqualTo(today().plusDays(7));
	}

	@Test
	void theOfficeSchedulesAndRecordsThroughThePages() throws Exception {
		long id = this.cases.closed(this.batchId, "D3JX202611210001");
		this.mvc.perform(get("/look-backs").param("petition", String.valueOf(id)).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("D3JX202611210001")));
		this.mvc
			.perform(post("/look-backs").param("ids", String.valueOf(id))
				.param("method", "ON_SITE_CHECK")
				.param("scheduledFor", today().toString())
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/look-backs"));
		Demo.signIn(this.users, "office");
		long lookBack = this.lookBacks.ofPetition(id).get(0).id();
		this.mvc
			.perform(post("/look-backs/" + lookBack + "/outcome").param("outcome", "REBOUND")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#finding\"")));
		this.mvc
			.perform(post("/look-backs/" + lookBack + "/outcome").param("outcome", "REBOUND")
				.param("finding", "现场核查发现问题反弹。")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/look-backs/" + lookBack));
		this.mvc.perform(get("/look-backs/" + lookBack).with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("进入第 2 轮办理")));
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第 2 轮办理")))
			.andExpect(content().string(containsString("以往各轮办理")));
		assertThat(this.cases.status(id)).isEqualTo("ASSIGNED");
	}

	@Test
	void schedulingWithProblemsShowsThemAll() throws Exception {
		this.mvc
			.perform(post("/look-backs").param("receiptNumbers", "D3JX209912310009")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#receiptNumbers\"")))
			.andExpect(content().string(containsString("href=\"#method\"")))
			.andExpect(content().string(containsString("href=\"#scheduledFor\"")));
	}

}
