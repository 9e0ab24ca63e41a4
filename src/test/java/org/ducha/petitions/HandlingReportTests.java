package org.ducha.petitions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.ducha.deadlines.DeadlineClock;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.rounds.RoundManagement;
import org.ducha.shared.EditConflict;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The handling report of a case: the lead unit drafts and submits, the office returns or
 * approves, the clocks follow; scope, validation and edit conflicts; the pages.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class HandlingReportTests {

	private static final String FINDINGS = "经现场核查，举报件基本属实。该陶瓷厂隧道窑脱硫设施运行不正常，夜间存在超标排放现象。";

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
	HandlingReports reports;

	@Autowired
	DeadlineClocks clocks;

	@Autowired
	Clock clock;

	private long batchId;

	private int cases;

	@BeforeEach
	void signInAsOffice() {
		Demo.signIn(this.users, "office");
		long round = Cases.round(this.rounds);
		this.batchId = Cases.batch(this.rounds, round, 1, this.clock.instant().minus(Duration.ofHours(2)));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private long unitId(String name) {
		return this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * A received case led by the environment bureau, with the township as co-unit and the
	 * district as territorial government; the office stays signed in.
	 */
	private long receivedCaseOfEnvironmentBureau() {
		long id = this.petitions.register(this.batchId,
				Cases.airComplaint("D3JX20261121000" + (++this.cases), this.clock.instant()));
		this.petitions.receiveBatch(this.batchId);
		this.petitions.assign(id, this.queries.petition(id).version(), unitId("萍乡市生态环境局"),
				List.of(unitId("湘东区下埠镇人民政府")), List.of(unitId("湘东区人民政府")));
		return id;
	}

	private static ReportDraft complete(String findings) {
		return new ReportDraft(findings, Verdict.MOSTLY_TRUE, "责令该厂立即停产整改，对超标排放行为立案查处，拟处罚款7.93万元。",
				"约谈企业负责人；对属地监管人员诫勉谈话1人。", 1, new BigDecimal("7.93"), 1, 0, 1, 0, "企业脱硫设施不正常运行，超标排放大气污染物。",
				"湘东区生态环境分局日常巡查不到位。", Completion.CLOSED, null);
	}

	private Optional<DeadlineClock> clock(long id, String kind) {
		return this.clocks.of("petition", id).stream().filter((c) -> c.kind().equals(kind)).reduce((a, b) -> b);
	}

	private HandlingReport submitAsHandler(long id, ReportDraft draft, Long rowVersion) {
		Demo.signIn(this.users, "handler");
		HandlingReport saved = this.reports.saveDraft(id, rowVersion, draft);
		return this.reports.submit(id, saved.rowVersion());
	}

	@Test
	void reportGoesFromDraftThroughReturnAndSupplementToApproval() {
		long id = receivedCaseOfEnvironmentBureau();
		assertThat(clock(id, "REPORT")).get().matches(DeadlineClock::running);

		HandlingReport first = submitAsHandler(id, complete(FINDINGS), null);
		assertThat(first.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(this.queries.petition(id).status()).isEqualTo(PetitionStatus.REPORTED);
		assertThat(clock(id, "REPORT")).get().matches((c) -> !c.running());

		Demo.signIn(this.users, "office");
		this.reports.returnForSupplement(id, first.rowVersion(), "请补充夜间监测数据和处罚决定书文号。");
		assertThat(this.queries.petition(id).status()).isEqualTo(PetitionStatus.RETURNED);
		assertThat(clock(id, "SUPPLEMENT")).get().matches(DeadlineClock::running);

		Demo.signIn(this.users, "handler");
		ReportEdit edit = this.reports.edit(id);
		assertThat(edit.versionNumber()).isEqualTo(2);
		assertThat(edit.rowVersion()).isNull();
		assertThat(edit.content()).isEqualTo(first.content());
		HandlingReport second = submitAsHandler(id, complete(FINDINGS + "11月20日夜间监测，二氧化硫浓度超标0.8倍。"), null);
		assertThat(second.versionNumber()).isEqualTo(2);
		assertThat(clock(id, "SUPPLEMENT")).get().matches((c) -> !c.running());

		Demo.signIn(this.users, "office");
		HandlingReport approved = this.reports.approve(id, second.rowVersion(), null);
		assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
		Petition petition = this.queries.petition(id);
		assertThat(petition.status()).isEqualTo(PetitionStatus.APPROVED);
		assertThat(petition.verdict()).isEqualTo(Verdict.MOSTLY_TRUE);
		assertThat(petition.completion()).isEqualTo(Completion.CLOSED);
		assertThat(this.reports.versions(id)).extracting(HandlingReport::status)
			.containsExactly(ReportStatus.RETURNED, ReportStatus.APPROVED);
	}

	@Test
	void returnedReportStartsTheSupplementClockWhoseDueTimeTheOfficeIsTold() {
		long id = receivedCaseOfEnvironmentBureau();
		HandlingReport first = submitAsHandler(id, complete(FINDINGS), null);
		Demo.signIn(this.users, "office");
		var due = this.reports.returnForSupplement(id, first.rowVersion(), "请补充处罚决定书。");
		assertThat(clock(id, "SUPPLEMENT")).get().extracting(DeadlineClock::dueAt).isEqualTo(due);
		assertThat(Duration.between(this.clock.instant(), due)).isPositive();
	}

	@Test
	void submittingListsEveryMissingPart() {
		long id = receivedCaseOfEnvironmentBureau();
		Demo.signIn(this.users, "handler");
		HandlingReport empty = this.reports.saveDraft(id, null, ReportDraft.empty());
		assertThatThrownBy(() -> this.reports.submit(id, empty.rowVersion())).isInstanceOf(InvalidInput.class)
			.extracting((e) -> ((InvalidInput) e).problems().stream().map(InvalidInput.Problem::field).toList())
			.isEqualTo(List.of("findings", "verdict", "handling", "accountability", "personsAccountable", "finesWan",
					"casesFiled", "detentions", "enterprisesRectify", "enterprisesClosed", "completion"));
		assertThat(this.queries.petition(id).status()).isEqualTo(PetitionStatus.ASSIGNED);
	}

	@Test
	void stagedCompletionNeedsARectificationDate() {
		long id = receivedCaseOfEnvironmentBureau();
		Demo.signIn(this.users, "handler");
		ReportDraft c = complete(FINDINGS);
		ReportDraft staged = new ReportDraft(c.findings(), c.verdict(), c.handling(), c.accountability(),
				c.personsAccountable(), c.finesWan(), c.casesFiled(), c.detentions(), c.enterprisesRectify(),
				c.enterprisesClosed(), c.enterpriseSide(), c.regulatorSide(), Completion.STAGED, null);
		HandlingReport saved = this.reports.saveDraft(id, null, staged);
		assertThatThrownBy(() -> this.reports.submit(id, saved.rowVersion())).isInstanceOf(InvalidInput.class)
			.extracting((e) -> ((InvalidInput) e).problems().stream().map(InvalidInput.Problem::code).toList())
			.isEqualTo(List.of("handling.report.rectificationDue.required"));
	}

	@Test
	void negativeFiguresAreRefusedWhenSaving() {
		long id = receivedCaseOfEnvironmentBureau();
		Demo.signIn(this.users, "handler");
		ReportDraft negative = new ReportDraft(FINDINGS, null, null, null, -1, new BigDecimal("-0.5"), null, null, null,
				null, null, null, null, null);
		assertThatThrownBy(() -> this.reports.saveDraft(id, null, negative)).isInstanceOf(InvalidInput.class)
			.extracting((e) -> ((InvalidInput) e).problems().stream().map(InvalidInput.Problem::field).toList())
			.isEqualTo(List.of("personsAccountable", "finesWan"));
		assertThat(this.reports.versions(id)).isEmpty();
	}

	@Test
	void secondSaveOfTheSameDraftVersionIsAConflictAndTheFirstTextStays() {
		long id = receivedCaseOfEnvironmentBureau();
		Demo.signIn(this.users, "handler");
		HandlingReport draft = this.reports.saveDraft(id, null, complete("初稿。"));
		this.reports.saveDraft(id, draft.rowVersion(), complete("甲的修改。"));
		assertThatThrownBy(() -> this.reports.saveDraft(id, draft.rowVersion(), complete("乙的修改。")))
			.isInstanceOf(EditConflict.class);
		assertThat(this.reports.version(id, 1).findings()).isEqualTo("甲的修改。");
	}

	@Test
	void twoFirstDraftsAtOnceAreAConflict() {
		long id = receivedCaseOfEnvironmentBureau();
		Demo.signIn(this.users, "handler");
		this.reports.saveDraft(id, null, complete("甲的初稿。"));
		assertThatThrownBy(() -> this.reports.saveDraft(id, null, complete("乙的初稿。"))).isInstanceOf(EditConflict.class);
		assertThat(this.reports.version(id, 1).findings()).isEqualTo("甲的初稿。");
	}

	@Test
	void theConflictPageShowsBothTexts() throws Exception {
		long id = receivedCaseOfEnvironmentBureau();
		Demo.signIn(this.users, "handler");
		HandlingReport draft = this.reports.saveDraft(id, null, complete("初稿。"));
		this.reports.saveDraft(id, draft.rowVersion(), complete("甲的修改。"));
		this.mvc
			.perform(post("/petitions/" + id + "/report").param("findings", "乙的修改。")
				.param("rowVersion", String.valueOf(draft.rowVersion()))
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("甲的修改。"), containsString("乙的修改。"), containsString("已被他人修改"))));
		Demo.signIn(this.users, "handler");
		assertThat(this.reports.version(id, 1).findings()).isEqualTo("甲的修改。");
	}

	@Test
	void onlyASubmittedReportIsReviewedAndTheErrorNamesTheState() {
		long id = receivedCaseOfEnvironmentBureau();
		HandlingReport first = submitAsHandler(id, complete(FINDINGS), null);
		Demo.signIn(this.users, "office");
		this.reports.returnForSupplement(id, first.rowVersion(), "请补充。");
		long rowVersion = this.reports.version(id, 1).rowVersion();
		assertThatThrownBy(() -> this.reports.approve(id, rowVersion, null)).isInstanceOf(RuleViolation.class)
			.satisfies((e) -> {
				assertThat(((RuleViolation) e).code()).isEqualTo("handling.cannotReview");
				assertThat(((RuleViolation) e).args()).containsExactly("RETURNED");
			});
	}

	@Test
	void returningNeedsAComment() {
		long id = receivedCaseOfEnvironmentBureau();
		HandlingReport first = submitAsHandler(id, complete(FINDINGS), null);
		Demo.signIn(this.users, "office");
		assertThatThrownBy(() -> this.reports.returnForSupplement(id, first.rowVersion(), " "))
			.isInstanceOf(InvalidInput.class);
		assertThat(this.queries.petition(id).status()).isEqualTo(PetitionStatus.REPORTED);
	}

	@Test
	void aUnitNotLeadingTheCaseCannotWriteTheReport() {
		long id = receivedCaseOfEnvironmentBureau();
		Demo.signIn(this.users, "xiangdong");
		assertThatThrownBy(() -> this.reports.saveDraft(id, null, complete(FINDINGS)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void handlerOfAnotherUnitCannotReadOrWriteTheReportByPageOrUrl() throws Exception {
		long id = this.petitions.register(this.batchId, Cases.airComplaint("D3JX202611219999", this.clock.instant()));
		this.petitions.assign(id, 0, unitId("萍乡市生态环境局"), List.of(), List.of());
		Demo.signIn(this.users, "handler");
		this.reports.saveDraft(id, null, complete(FINDINGS));
		SecurityContextHolder.clearContext();
		for (String path : List.of("/petitions/" + id + "/report", "/petitions/" + id + "/reports/1",
				"/petitions/" + id + "/report/check", "/petitions/" + id + "/contributions",
				"/petitions/" + id + "/evidence")) {
			this.mvc.perform(get(path).with(Demo.as(this.users, "xiabu"))).andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/petitions/" + id + "/report").param("findings", "篡改")
				.with(csrf())
				.with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/petitions/" + id + "/review/approve").param("rowVersion", "0")
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		Demo.signIn(this.users, "xiabu");
		assertThatThrownBy(() -> this.reports.versions(id)).isInstanceOf(AccessDeniedException.class);
		assertThat(this.jdbc.sql("select findings from handling_report where petition_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(FINDINGS);
	}

	@Test
	void coUnitContributesAndTheOfficeSeesIt() {
		long id = receivedCaseOfEnvironmentBureau();
		Demo.signIn(this.users, "xiabu");
		this.reports.addContribution(id, "下埠镇已派员参与现场核查，督促企业连夜停产。");
		Demo.signIn(this.users, "handler");
		assertThatThrownBy(() -> this.reports.addContribution(id, "主办单位不是协办单位"))
			.isInstanceOf(AccessDeniedException.class);
		Demo.signIn(this.users, "office");
		assertThat(this.reports.contributions(id)).singleElement()
			.extracting(Contribution::unitName)
			.isEqualTo("湘东区下埠镇人民政府");
	}

	@Test
	void journalEntriesCarryNoComplainantData() {
		long id = receivedCaseOfEnvironmentBureau();
		HandlingReport first = submitAsHandler(id, complete(FINDINGS), null);
		Demo.signIn(this.users, "office");
		this.reports.returnForSupplement(id, first.rowVersion(), "请回访举报人13907990001核实满意度。");
		List<String> data = this.jdbc.sql("""
				select event_type || ' ' || data from journal_entry where subject_type = 'petition'
				  and subject_id = ? and event_type like 'Report%'""")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
		assertThat(data).hasSize(3)
			.allSatisfy((d) -> assertThat(d).doesNotContain("13907990001").doesNotContain("王某某"));
	}

	@Test
	void reportPagesWalkFromFormThroughCheckToReviewAndVersions() throws Exception {
		long id = receivedCaseOfEnvironmentBureau();
		this.mvc.perform(get("/petitions/" + id + "/report").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("调查核实情况")));
		this.mvc
			.perform(post("/petitions/" + id + "/report").param("findings", FINDINGS)
				.param("next", "check")
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"#verdict\""),
					containsString("href=\"#completion\""), containsString("href=\"#personsAccountable\""))));
		Demo.signIn(this.users, "handler");
		long rowVersion = this.reports.saveDraft(id, this.reports.edit(id).rowVersion(), complete(FINDINGS))
			.rowVersion();
		SecurityContextHolder.clearContext();
		this.mvc.perform(get("/petitions/" + id + "/report/check").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认提交办理情况")));
		this.mvc
			.perform(post("/petitions/" + id + "/report/submit").param("rowVersion", String.valueOf(rowVersion))
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(redirectedUrl("/petitions/" + id))
			.andExpect(flash().attribute("banner", "handling.report.submitted"));
		this.mvc.perform(get("/petitions/" + id + "/review").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("退回补充"), containsString("审核通过"))));
		this.mvc
			.perform(post("/petitions/" + id + "/review/return").param("rowVersion", String.valueOf(rowVersion + 1))
				.param("comment", "请补充夜间监测数据。")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/petitions/" + id))
			.andExpect(flash().attribute("banner", "handling.review.returned"));
		Demo.signIn(this.users, "handler");
		submitAsHandler(id, complete(FINDINGS + "夜间监测二氧化硫超标0.8倍。"), null);
		SecurityContextHolder.clearContext();
		this.mvc.perform(get("/petitions/" + id + "/reports/2").with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("第1稿到第2稿的改动"), containsString("<span>夜间监测二氧化硫超标0.8倍。</span></ins>"))));
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("第2稿"), containsString("审核办理情况"))));
		this.mvc.perform(get("/petitions/" + id + "/reports/1?compare=2").with(Demo.as(this.users, "xiangdong")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请补充夜间监测数据。")));
	}

	@Test
	void returnBannerNamesTheSupplementDueTime() throws Exception {
		long id = receivedCaseOfEnvironmentBureau();
		HandlingReport first = submitAsHandler(id, complete(FINDINGS), null);
		SecurityContextHolder.clearContext();
		var result = this.mvc
			.perform(post("/petitions/" + id + "/review/return").param("rowVersion", String.valueOf(first.rowVersion()))
				.param("comment", "请补充。")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andReturn();
		Object[] args = (Object[]) result.getFlashMap().get("bannerArgs");
		assertThat(args).singleElement().asString().matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
	}

}
