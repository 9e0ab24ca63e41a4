package org.ducha.petitions;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.ducha.journal.JournalEntry;
import org.ducha.journal.JournalQueries;
import org.ducha.rounds.RoundManagement;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * Closing a case under the six conditions: what stops it, waivers, the public's answer,
 * who may do it, the check-your-answers page, and what the journal keeps.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class ClosureTests {

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
	PetitionClocks clocks;

	@Autowired
	JournalQueries journal;

	@Autowired
	MessageSource messages;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	private ClosingCases cases;

	private long batchId;

	@BeforeEach
	void signInAsOffice() {
		Demo.signIn(this.users, "office");
		this.cases = new ClosingCases(this.petitions, this.closures, this.clocks, this.jdbc, this.transaction,
				this.clock);
		long round = Cases.round(this.rounds);
		this.batchId = Cases.batch(this.rounds, round, 1, this.clock.instant().minus(Duration.ofHours(2)));
		this.petitions.receiveBatch(this.batchId);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private String chinese(RuleViolation violation) {
		return this.messages.getMessage(violation.code(), violation.args(), Locale.CHINESE);
	}

	private List<String> chineseProblems(InvalidInput invalid) {
		return invalid.problems()
			.stream()
			.map((p) -> this.messages.getMessage(p.code(), p.args(), Locale.CHINESE))
			.toList();
	}

	private List<String> eventsOf(long id) {
		return this.journal.historyOf("petition", id).stream().map(JournalEntry::eventType).toList();
	}

	@Test
	void cannotCloseWhileAConditionIsMissingAndTheRefusalNamesIt() {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.cases.settleAllBut(id, ClosureCondition.RECTIFIED);
		ConditionsMissing refused = catchThrowableOfType(ConditionsMissing.class,
				() -> this.closures.close(id, this.cases.version(id)));
		assertThat(refused.missing()).containsExactly(ClosureCondition.RECTIFIED);
		assertThat(refused).hasMessageContaining("RECTIFIED");
		assertThat(chineseProblems(refused)).containsExactly("整改不到位不放过：尚未记录。");
		assertThat(this.cases.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void aWaiverNeedsAWrittenReasonAndThenLetsTheCaseClose() {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.cases.settleAllBut(id, ClosureCondition.ACCOUNTABILITY_DONE);
		InvalidInput noReason = catchThrowableOfType(InvalidInput.class,
				() -> this.closures.waive(id, ClosureCondition.ACCOUNTABILITY_DONE, "  "));
		assertThat(noReason.problems()).extracting(InvalidInput.Problem::field).containsExactly("reason");
		this.closures.waive(id, ClosureCondition.ACCOUNTABILITY_DONE, "企业已关停，相关责任人已调离，经主任同意免于问责程序。");
		this.closures.close(id, this.cases.version(id));
		assertThat(this.cases.status(id)).isEqualTo("CLOSED");
		assertThat(this.closures.overview(id).lines().get(ClosureCondition.ACCOUNTABILITY_DONE.ordinal()).settled())
			.extracting(ConditionRecord::state, ConditionRecord::recordedBy)
			.containsExactly(ConditionState.WAIVED, "office");
		JournalEntry waived = this.journal.historyOf("petition", id)
			.stream()
			.filter((e) -> e.eventType().equals("ConditionWaived"))
			.findFirst()
			.orElseThrow();
		assertThat(waived.actor()).isEqualTo("office");
		assertThat(waived.data()).contains("ACCOUNTABILITY_DONE").contains("经主任同意免于问责程序");
	}

	@Test
	void dissatisfiedKeepsPublicSatisfactionOpen() {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.cases.settleAllBut(id, ClosureCondition.PUBLIC_SATISFIED);
		this.closures.recordSatisfaction(id, SatisfactionAnswer.DISSATISFIED, FollowUpMethod.PHONE, "仍有异味");
		ClosureOverview.Line line = this.closures.overview(id).lines().get(ClosureCondition.PUBLIC_SATISFIED.ordinal());
		assertThat(line.open()).isTrue();
		assertThat(line.gap().reasonCode()).isEqualTo("closure.gap.dissatisfied");
		ConditionsMissing refused = catchThrowableOfType(ConditionsMissing.class,
				() -> this.closures.close(id, this.cases.version(id)));
		assertThat(chineseProblems(refused)).containsExactly("群众不满意不放过：最近一次回访（电话回访）举报人表示不满意。");
	}

	@Test
	void aLaterDissatisfiedAnswerOpensPublicSatisfactionAgain() {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.closures.recordSatisfaction(id, SatisfactionAnswer.BASICALLY_SATISFIED, FollowUpMethod.HOME_VISIT, null);
		assertThat(this.closures.overview(id).lines().get(ClosureCondition.PUBLIC_SATISFIED.ordinal()).open())
			.isFalse();
		this.closures.recordSatisfaction(id, SatisfactionAnswer.DISSATISFIED, FollowUpMethod.PHONE, null);
		assertThat(this.closures.overview(id).lines().get(ClosureCondition.PUBLIC_SATISFIED.ordinal()).open()).isTrue();
	}

	@Test
	void publicSatisfactionIsMetByAFollowUpNotByHand() {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		assertThatThrownBy(() -> this.closures.recordMet(id, ClosureCondition.PUBLIC_SATISFIED, "群众满意"))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("closure.publicSatisfied.byFollowUp");
	}

	@Test
	void closingACaseThatIsNotApprovedNamesItsStatus() {
		long id = this.cases.assigned(this.batchId, "D3JX202611210001");
		this.cases.settleAllBut(id);
		RuleViolation refused = catchThrowableOfType(RuleViolation.class,
				() -> this.closures.close(id, this.cases.version(id)));
		assertThat(refused.code()).isEqualTo("closure.notApproved");
		assertThat(refused).hasMessageContaining("ASSIGNED");
		assertThat(chinese(refused)).isEqualTo("信访件 D3JX202611210001 当前状态为“办理中”，办理情况审核通过后才能办结销号。");
		assertThat(this.cases.status(id)).isEqualTo("ASSIGNED");
	}

	@Test
	void onlyTheOfficeRecordsSatisfactionAndClosesThroughTheServices() {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.cases.settleAllBut(id, ClosureCondition.PUBLIC_SATISFIED);
		Demo.signIn(this.users, "handler");
		assertThatThrownBy(
				() -> this.closures.recordSatisfaction(id, SatisfactionAnswer.SATISFIED, FollowUpMethod.PHONE, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.closures.waive(id, ClosureCondition.PUBLIC_SATISFIED, "无法联系"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.closures.close(id, this.cases.version(id)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.cases.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void onlyTheOfficeRecordsSatisfactionAndClosesThroughThePages() throws Exception {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.cases.settleAllBut(id, ClosureCondition.PUBLIC_SATISFIED);
		this.mvc.perform(get("/petitions/" + id + "/close").with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/petitions/" + id + "/satisfaction").param("answer", "SATISFIED")
				.param("method", "PHONE")
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/petitions/" + id + "/close").param("version", String.valueOf(this.cases.version(id)))
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		assertThat(this.cases.status(id)).isEqualTo("APPROVED");
		assertThat(this.jdbc.sql("select count(*) from satisfaction where petition_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theCheckYourAnswersPageShowsEachConditionAndClosesTheCase() throws Exception {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.cases.settleAllBut(id);
		this.mvc.perform(get("/petitions/" + id + "/close").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("办结销号前核对")))
			.andExpect(content().string(containsString("整改不到位不放过")))
			.andExpect(content().string(containsString("经现场核查：RECTIFIED")))
			.andExpect(content().string(containsString("确认办结销号")));
		this.mvc
			.perform(post("/petitions/" + id + "/close").param("version", String.valueOf(this.cases.version(id)))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/petitions/" + id));
		assertThat(this.cases.status(id)).isEqualTo("CLOSED");
	}

	@Test
	void closingFromThePageWithAMissingConditionListsItInTheErrorSummary() throws Exception {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.cases.settleAllBut(id, ClosureCondition.INFORMATION_PUBLIC);
		this.mvc.perform(get("/petitions/" + id + "/close").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("确认办结销号"))));
		this.mvc
			.perform(post("/petitions/" + id + "/close").param("version", String.valueOf(this.cases.version(id)))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#condition-INFORMATION_PUBLIC\"")))
			.andExpect(content().string(containsString("信息不公开不放过：尚未记录。")));
		assertThat(this.cases.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void theFormsOnTheCasePageRecordConditionsAndFollowUps() throws Exception {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.mvc
			.perform(post("/petitions/" + id + "/conditions/PROBLEM_CLEAR/met").param("note", "经核查，举报属实。")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/petitions/" + id + "#six-conditions"));
		this.mvc
			.perform(post("/petitions/" + id + "/satisfaction").param("answer", "UNREACHABLE")
				.param("method", "PHONE")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/petitions/" + id + "#six-conditions"));
		this.mvc
			.perform(post("/petitions/" + id + "/conditions/RECTIFIED/met").param("note", " ")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#note\"")));
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("经核查，举报属实。")))
			.andExpect(content().string(containsString("最近一次回访（电话回访）无法联系举报人")));
		this.mvc.perform(get("/petitions/" + id + "?lang=en").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Problem made clear")))
			.andExpect(content().string(not(containsString("/conditions/RECTIFIED/met"))));
	}

	@Test
	void closingJournalsEachStepAndNeverTheComplainant() {
		long id = this.cases.approved(this.batchId, "D3JX202611210001");
		this.closures.recordSatisfaction(id, SatisfactionAnswer.UNREACHABLE, FollowUpMethod.PHONE,
				"王某某的电话13907990001无人接听");
		this.cases.settleAllBut(id, ClosureCondition.PUBLIC_SATISFIED, ClosureCondition.INFORMATION_PUBLIC);
		this.closures.waive(id, ClosureCondition.PUBLIC_SATISFIED, "三次回访均无法联系，经主任同意免于此项。");
		this.closures.recordMet(id, ClosureCondition.INFORMATION_PUBLIC, "已在市生态环境局网站公开。");
		this.closures.close(id, this.cases.version(id));
		assertThat(eventsOf(id)).contains("SatisfactionRecorded", "ConditionMet", "ConditionWaived", "PetitionClosed");
		assertThat(this.journal.historyOf("petition", id)).extracting(JournalEntry::data)
			.allSatisfy((data) -> assertThat(data).doesNotContain("王某某").doesNotContain("13907990001"));
	}

}
