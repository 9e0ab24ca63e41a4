package org.ducha.disclosure.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.ducha.disclosure.Disclosures;
import org.ducha.petitions.Completion;
import org.ducha.petitions.HandlingReport;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.ReportDraft;
import org.ducha.petitions.Verdict;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The public home: what a visitor to {@code /} reads without signing in. Rounds made here
 * carry a name of their own, since the database is shared with other classes.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class PublicHomeTests {

	@Autowired
	MockMvc mvc;

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
	Disclosures disclosures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private String tag;

	private LocalDate today;

	@BeforeEach
	void nameThisTestsRounds() {
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		this.today = LocalDate.now(this.clock);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aVisitorAtTheRootIsShownThePublicHomeNotTheSignInPage() throws Exception {
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(forwardedUrl("/public"));
	}

	@Test
	void aVisitorAskingForAStaffPageIsStillSentToSignIn() throws Exception {
		this.mvc.perform(get("/work").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void staffAtTheRootKeepTheirOwnHome() throws Exception {
		this.mvc.perform(get("/").with(Demo.as(this.users, "office")))
			.andExpect(view().name("home"))
			.andExpect(content().string(containsString("张敏，您好")));
	}

	@Test
	void theStationedTeamIsShownWithItsPeriodAndHotlineAndItsPublishedTables() throws Exception {
		long round = round("进驻中", this.today.minusDays(10), this.today.plusDays(20), "0799-6661234");
		long table = publishedFirstBatch(round);
		this.mvc.perform(get("/public"))
			.andExpect(status().isOk())
			.andExpect(view().name("disclosure/public-home"))
			.andExpect(content().string(allOf(containsString(name("进驻中")), containsString("江西省第三生态环境保护督察组"),
					containsString("萍乡市"), containsString(chinese(this.today.minusDays(10))),
					containsString("href=\"tel:07996661234\">0799-6661234</a>"),
					containsString("href=\"/public/disclosures/" + table + "\""),
					containsString(name("进驻中") + " 第1批 边督边改公开情况一览表"))));
	}

	@Test
	void stationedTeamsComeBeforeThoseThatHaveLeftAndARoundNotYetBegunIsNotShown() throws Exception {
		round("已结束", this.today.minusDays(90), this.today.minusDays(60), "0799-6662222");
		round("进驻中", this.today.minusDays(3), this.today.plusDays(27), "0799-6663333");
		round("未开始", this.today.plusDays(30), this.today.plusDays(60), "0799-6664444");
		this.mvc.perform(get("/public"))
			.andExpect(content().string(allOf(stringContainsInOrder("正在进驻的督察组", name("进驻中"), "已结束进驻的督察", name("已结束")),
					not(containsString(name("未开始"))), not(containsString("0799-6664444")), containsString("进驻期间的举报电话"),
					not(containsString("href=\"tel:07996662222\"")))));
	}

	@Test
	void onlyWhatWasPublishedIsShownNeverADraftOrACase() throws Exception {
		long round = round("草稿", this.today.minusDays(5), this.today.plusDays(25), "0799-6665555");
		long batch = batchWithApprovedCase(round, 1, "D3JX202612040002");
		this.mvc.perform(get("/public"))
			.andExpect(content().string(allOf(containsString(name("草稿")), containsString("本轮还没有公开的办理情况"),
					not(containsString(name("草稿") + " 第1批")), not(containsString("D3JX")), not(containsString("王某某")),
					not(containsString("13907990001")))));
		assertThat(batch).isPositive();
	}

	@Test
	void theSignInPageLeadsToThePublicHome() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("href=\"/public\">查看督察组、举报电话和边督边改公开情况（无需登录）</a>")));
	}

	@Test
	void readingThePublicHomeOpensNoSession() throws Exception {
		MvcResult result = this.mvc.perform(get("/public")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).noneMatch((c) -> c.startsWith("SESSION="));
	}

	@Test
	void thePublicHomeReadsInEnglishToo() throws Exception {
		round("英文", this.today.minusDays(1), this.today.plusDays(29), "0799-6666666");
		this.mvc.perform(get("/public").param("lang", "en"))
			.andExpect(content().string(allOf(containsString("Inspection teams stationed now"),
					containsString("Complaints hotline"), containsString(this.today.minusDays(1).toString()))));
	}

	private String name(String what) {
		return "第三轮省级生态环境保护督察（" + what + this.tag + "）";
	}

	private static String chinese(LocalDate day) {
		return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	private long round(String what, LocalDate from, LocalDate to, String hotline) {
		return as("office", () -> this.rounds.createRound(RoundDraft.withDefaultPolicies(name(what),
				RoundLevel.PROVINCIAL, "江西省第三生态环境保护督察组", "360300", from, to, hotline)));
	}

	/** Batch 1 of the round with one approved case, published; returns the table's id. */
	private long publishedFirstBatch(long round) {
		long batch = batchWithApprovedCase(round, 1, "D3JX202612040001");
		return as("office", () -> this.disclosures.publish(batch, 0, null));
	}

	/** A batch of the round whose one case the office has approved, not yet published. */
	private long batchWithApprovedCase(long round, int number, String receiptNumber) {
		long batch = as("office",
				() -> this.rounds.createBatch(round, number, this.clock.instant().minus(Duration.ofHours(2))));
		long id = as("office",
				() -> this.petitions.register(batch, Cases.airComplaint(receiptNumber, this.clock.instant())));
		as("office", () -> this.petitions.receiveBatch(batch));
		long bureau = this.jdbc.sql("select id from unit where name = '萍乡市生态环境局'").query(Long.class).single();
		as("office", () -> {
			this.petitions.assign(id, this.queries.petition(id).version(), bureau, List.of(), List.of());
			return null;
		});
		HandlingReport submitted = as("handler", () -> {
			HandlingReport draft = this.reports.saveDraft(id, null, complete());
			return this.reports.submit(id, draft.rowVersion());
		});
		as("office", () -> this.reports.approve(id, submitted.rowVersion(), null));
		return batch;
	}

	private static ReportDraft complete() {
		return new ReportDraft("经现场核查，举报基本属实。该厂脱硫设施运行不正常。", Verdict.MOSTLY_TRUE, "责令该厂立即停产整改。", "约谈企业负责人。", 1,
				new BigDecimal("2.5"), 1, 0, 1, 0, "企业脱硫设施不正常运行。", "日常巡查不到位。", Completion.CLOSED, null);
	}

	private <T> T as(String login, Supplier<T> action) {
		Demo.signIn(this.users, login);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
