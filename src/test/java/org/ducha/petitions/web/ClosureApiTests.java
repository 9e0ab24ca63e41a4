package org.ducha.petitions.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.ducha.testing.HandledCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Closing a case under the six conditions and look-backs through the JSON API: the office
 * settles, closes and looks back, a rebound reopens the case; roles, scope, problems in
 * both languages with nothing written, stale versions, and no complainant outside the
 * office.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class ClosureApiTests {

	private static final String[] BY_NOTE = { "PROBLEM_CLEAR", "RECTIFIED", "RESPONSIBILITY_FIXED",
			"ACCOUNTABILITY_DONE", "INFORMATION_PUBLIC" };

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
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	HandledCases cases;

	int numbers;

	@BeforeEach
	void newRound() {
		this.cases = new HandledCases(this.users, this.rounds, this.petitions, this.queries, this.reports, this.jdbc,
				this.clock);
	}

	private String receiptNumber() {
		return "D3JX20261122010" + (++this.numbers);
	}

	private long approvedCase(boolean withTownship) {
		long id = this.cases.assigned(receiptNumber(), withTownship);
		this.cases.approved(id);
		return id;
	}

	private ResultActions perform(String login, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(Demo.as(this.users, login)).with(csrf()));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static long number(ResultActions result, String path) throws Exception {
		return ((Number) JsonPath.read(body(result), path)).longValue();
	}

	private LocalDate tomorrow() {
		return LocalDate.now(this.clock).plusDays(1);
	}

	/** The office records a satisfied follow-up and every other condition as met. */
	private void settleAll(long id) throws Exception {
		String base = "/api/petitions/" + id + "/closure";
		perform("office",
				json(post(base + "/satisfaction"),
						"{\"answer\": \"SATISFIED\", \"method\": \"PHONE\", \"note\": \"已电话回访" + HandledCases.PHONE
								+ "，对处理结果满意。\"}"))
			.andExpect(status().isOk());
		for (String condition : BY_NOTE) {
			perform("office", json(post(base + "/conditions/" + condition + "/met"), "{\"note\": \"经现场核查属实。\"}"))
				.andExpect(status().isOk());
		}
	}

	private long closedCase() throws Exception {
		long id = approvedCase(true);
		settleAll(id);
		long version = number(perform("office", get("/api/petitions/" + id + "/closure")), "$.caseVersion");
		perform("office", json(post("/api/petitions/" + id + "/closure/close"), "{\"version\": %d}".formatted(version)))
			.andExpect(status().isOk());
		return id;
	}

	@Test
	void officeSettlesTheSixConditionsAndClosesTheCase() throws Exception {
		long id = approvedCase(true);
		String base = "/api/petitions/" + id + "/closure";
		perform("office", get(base)).andExpect(status().isOk())
			.andExpect(jsonPath("$.caseStatus").value("APPROVED"))
			.andExpect(jsonPath("$.cycle").value(1))
			.andExpect(jsonPath("$.complete").value(false))
			.andExpect(jsonPath("$.conditions", hasSize(6)))
			.andExpect(jsonPath("$.conditions[*].state", everyItem(org.hamcrest.Matchers.is("OPEN"))))
			.andExpect(jsonPath("$.conditions[3].condition").value("PUBLIC_SATISFIED"))
			.andExpect(jsonPath("$.conditions[3].name.zh").value("群众不满意不放过"))
			.andExpect(jsonPath("$.conditions[3].openBecause.code").value("closure.gap.noFollowUp"))
			.andExpect(jsonPath("$.conditions[3].openBecause.en").value(notNullValue()));

		perform("office",
				json(post(base + "/satisfaction"),
						"{\"answer\": \"basically_satisfied\", \"method\": \"HOME_VISIT\", \"note\": \"上门回访，基本满意。\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.conditions[3].state").value("MET"))
			.andExpect(jsonPath("$.satisfactions[0].answer").value("BASICALLY_SATISFIED"));
		for (String condition : new String[] { "PROBLEM_CLEAR", "RECTIFIED", "RESPONSIBILITY_FIXED",
				"ACCOUNTABILITY_DONE" }) {
			perform("office", json(post(base + "/conditions/" + condition + "/met"), "{\"note\": \"经现场核查属实。\"}"))
				.andExpect(status().isOk());
		}
		ResultActions waived = perform("office",
				json(post(base + "/conditions/INFORMATION_PUBLIC/waiver"), "{\"reason\": \"经办公室主任同意，涉及商业秘密不予公开。\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.conditions[5].state").value("WAIVED"))
			.andExpect(jsonPath("$.conditions[5].note").value("经办公室主任同意，涉及商业秘密不予公开。"))
			.andExpect(jsonPath("$.complete").value(true));

		perform("office", json(post(base + "/close"), "{\"version\": %d}".formatted(number(waived, "$.caseVersion"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseStatus").value("CLOSED"))
			.andExpect(jsonPath("$.closing.closedBy").value("office"))
			.andExpect(jsonPath("$.closing.verdict").value("MOSTLY_TRUE"));
	}

	@Test
	void closingWithConditionsOpenNamesEachInBothLanguagesAndLeavesTheCaseApproved() throws Exception {
		long id = approvedCase(true);
		String base = "/api/petitions/" + id + "/closure";
		perform("office", json(post(base + "/conditions/PROBLEM_CLEAR/met"), "{\"note\": \"问题已查清。\"}"))
			.andExpect(status().isOk());
		long version = number(perform("office", get(base)), "$.caseVersion");
		perform("office", json(post(base + "/close"), "{\"version\": %d}".formatted(version)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(
					contains("conditions.RECTIFIED", "conditions.RESPONSIBILITY_FIXED", "conditions.PUBLIC_SATISFIED",
							"conditions.ACCOUNTABILITY_DONE", "conditions.INFORMATION_PUBLIC")))
			.andExpect(jsonPath("$.errors[0].code").value("closure.missing"))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString("整改不到位不放过")))
			.andExpect(jsonPath("$.errors[0].en").value(not(containsString("整改"))));
		perform("office", get(base)).andExpect(jsonPath("$.caseStatus").value("APPROVED"))
			.andExpect(jsonPath("$.caseVersion").value(version));
	}

	@Test
	void waiverWithoutAReasonIsRefusedInBothLanguagesAndNothingIsRecorded() throws Exception {
		long id = approvedCase(true);
		String base = "/api/petitions/" + id + "/closure";
		perform("office", json(post(base + "/conditions/RECTIFIED/waiver"), "{\"reason\": \"  \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].code").value("closure.waiver.reason.required"))
			.andExpect(jsonPath("$.errors[0].zh").value(notNullValue()))
			.andExpect(jsonPath("$.errors[0].en").value(notNullValue()));
		perform("office", json(post(base + "/satisfaction"), "{\"answer\": \"HAPPY\", \"method\": \"PHONE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("answer"))
			.andExpect(jsonPath("$.errors[0].code").value("api.choice.unknown"));
		perform("office", post(base + "/conditions/NOT_A_CONDITION/met").contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"x\"}")).andExpect(status().isBadRequest());
		perform("office", get(base)).andExpect(jsonPath("$.conditions[1].state").value("OPEN"))
			.andExpect(jsonPath("$.satisfactions", hasSize(0)));
	}

	@Test
	void staleVersionOnCloseIsAConflictAndTheCaseStaysApproved() throws Exception {
		long id = approvedCase(true);
		settleAll(id);
		String base = "/api/petitions/" + id + "/closure";
		long version = number(perform("office", get(base)), "$.caseVersion");
		perform("office", json(post(base + "/close"), "{\"version\": %d}".formatted(version - 1)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].code").value("error.conflict"));
		perform("office", get(base)).andExpect(jsonPath("$.caseStatus").value("APPROVED"));
	}

	@Test
	void handlerCannotSettleOrCloseWhatTheOfficeDecides() throws Exception {
		long id = approvedCase(true);
		String base = "/api/petitions/" + id + "/closure";
		long version = number(perform("handler", get(base)).andExpect(status().isOk()), "$.caseVersion");
		perform("handler", json(post(base + "/satisfaction"), "{\"answer\": \"SATISFIED\", \"method\": \"PHONE\"}"))
			.andExpect(status().isForbidden());
		perform("handler", json(post(base + "/conditions/RECTIFIED/met"), "{\"note\": \"已整改。\"}"))
			.andExpect(status().isForbidden());
		perform("handler", json(post(base + "/conditions/RECTIFIED/waiver"), "{\"reason\": \"不需要。\"}"))
			.andExpect(status().isForbidden());
		perform("handler", json(post(base + "/close"), "{\"version\": %d}".formatted(version)))
			.andExpect(status().isForbidden());
		perform("office", get(base))
			.andExpect(jsonPath("$.conditions[*].state", everyItem(org.hamcrest.Matchers.is("OPEN"))))
			.andExpect(jsonPath("$.caseStatus").value("APPROVED"));
	}

	@Test
	void handlerOutsideTheCaseCannotReadItsClosure() throws Exception {
		long id = approvedCase(false);
		perform("xiabu", get("/api/petitions/" + id + "/closure")).andExpect(status().isForbidden());
		perform("xiangdong", get("/api/petitions/" + id + "/closure")).andExpect(status().isForbidden());
		perform("auditor", get("/api/petitions/" + id + "/closure")).andExpect(status().isForbidden());
	}

	@Test
	void noClosureResponseOutsideTheOfficeHoldsTheComplainant() throws Exception {
		long id = approvedCase(true);
		settleAll(id);
		String base = "/api/petitions/" + id + "/closure";
		perform("office", get(base)).andExpect(content().string(containsString(HandledCases.PHONE)));
		for (String login : new String[] { "handler", "xiabu", "xiangdong", "leader" }) {
			perform(login, get(base)).andExpect(status().isOk())
				.andExpect(jsonPath("$.satisfactions[0].note").value(containsString("已电话回访")))
				.andExpect(content().string(not(containsString(HandledCases.PHONE))))
				.andExpect(content().string(not(containsString(HandledCases.COMPLAINANT))));
		}
	}

	@Test
	void reboundFoundByALookBackReopensTheCaseInANewCycle() throws Exception {
		long id = closedCase();
		String receipt = receiptOf(id);
		ResultActions scheduled = perform("office", json(post("/api/look-backs"),
				"{\"receiptNumbers\": [\"%s\"], \"method\": \"UNANNOUNCED_VISIT\", \"scheduledFor\": \"%s\", \"note\": \"暗访夜间排放。\"}"
					.formatted(receipt, tomorrow())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].petitionId").value(id))
			.andExpect(jsonPath("$[0].outcome").value(nullValue()));
		long lookBack = number(scheduled, "$[0].id");
		scheduled.andExpect(header().string("Location", "/api/look-backs/" + lookBack));
		perform("leader", get("/api/look-backs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.pending[*].id", hasItem((int) lookBack)));

		perform("office",
				json(post("/api/look-backs/" + lookBack + "/outcome"),
						"{\"outcome\": \"REBOUND\", \"finding\": \"夜间仍有黑烟排放，问题反弹。\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("REBOUND"))
			.andExpect(jsonPath("$.reopenedCycle").value(2));
		perform("office", get("/api/petitions/" + id + "/closure"))
			.andExpect(jsonPath("$.caseStatus").value("ASSIGNED"))
			.andExpect(jsonPath("$.cycle").value(2))
			.andExpect(jsonPath("$.pastCycles", hasSize(1)))
			.andExpect(jsonPath("$.pastCycles[0].result.reopenedByLookBack").value(lookBack))
			.andExpect(jsonPath("$.conditions[*].state", everyItem(org.hamcrest.Matchers.is("OPEN"))));
		perform("office",
				json(post("/api/look-backs/" + lookBack + "/outcome"),
						"{\"outcome\": \"NO_REBOUND\", \"finding\": \"再次核查。\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("lookBack.alreadyRecorded"));
	}

	private String receiptOf(long id) {
		return this.jdbc.sql("select receipt_number from petition where id = ?").param(id).query(String.class).single();
	}

	@Test
	void schedulingWithoutCasesOrForADayGoneByIsRefusedInBothLanguagesAndNothingIsScheduled() throws Exception {
		long open = approvedCase(true);
		perform("office",
				json(post("/api/look-backs"),
						"{\"petitionIds\": [], \"method\": \"ON_SITE_CHECK\", \"scheduledFor\": \"%s\"}"
							.formatted(LocalDate.now(this.clock).minusDays(1))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(contains("petitionIds", "scheduledFor")))
			.andExpect(jsonPath("$.errors[0].code").value("lookBack.noneChosen"))
			.andExpect(jsonPath("$.errors[0].zh").value(notNullValue()))
			.andExpect(jsonPath("$.errors[0].en").value(notNullValue()));
		perform("office",
				json(post("/api/look-backs"),
						"{\"petitionIds\": [%d], \"method\": \"ON_SITE_CHECK\", \"scheduledFor\": \"%s\"}"
							.formatted(open, tomorrow())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("lookBack.notClosed"));
		perform("office", get("/api/look-backs"))
			.andExpect(jsonPath("$.pending[?(@.petitionId == " + open + ")]", hasSize(0)));
	}

	@Test
	void handlersNeitherSeeNorScheduleLookBacks() throws Exception {
		long id = closedCase();
		perform("handler", get("/api/look-backs")).andExpect(status().isForbidden());
		perform("handler",
				json(post("/api/look-backs"),
						"{\"petitionIds\": [%d], \"method\": \"ON_SITE_CHECK\", \"scheduledFor\": \"%s\"}".formatted(id,
								tomorrow())))
			.andExpect(status().isForbidden());
		perform("office", get("/api/look-backs"))
			.andExpect(jsonPath("$.pending[?(@.petitionId == " + id + ")]", hasSize(0)));
		long lookBack = number(perform("office",
				json(post("/api/look-backs"),
						"{\"petitionIds\": [%d], \"method\": \"ON_SITE_CHECK\", \"scheduledFor\": \"%s\"}".formatted(id,
								tomorrow()))),
				"$[0].id");
		perform("office", get("/api/look-backs"))
			.andExpect(jsonPath("$.pending[?(@.petitionId == " + id + ")]", hasSize(1)));
		perform("handler", get("/api/look-backs/" + lookBack)).andExpect(status().isForbidden());
		perform("handler", json(post("/api/look-backs/" + lookBack + "/outcome"),
				"{\"outcome\": \"REBOUND\", \"finding\": \"反弹。\"}"))
			.andExpect(status().isForbidden());
		perform("office", get("/api/look-backs/" + lookBack)).andExpect(jsonPath("$.outcome").value(nullValue()));
	}

	@Test
	void leadersReadLookBackNotesWithPersonalNumbersMasked() throws Exception {
		long id = closedCase();
		long lookBack = number(perform("office", json(post("/api/look-backs"),
				"{\"petitionIds\": [%d], \"method\": \"PHONE_FOLLOW_UP\", \"scheduledFor\": \"%s\", \"note\": \"回访举报人%s。\"}"
					.formatted(id, tomorrow(), HandledCases.PHONE)))
			.andExpect(status().isCreated()), "$[0].id");
		perform("office", get("/api/look-backs/" + lookBack))
			.andExpect(jsonPath("$.note").value(containsString(HandledCases.PHONE)));
		perform("leader", get("/api/look-backs/" + lookBack))
			.andExpect(jsonPath("$.note").value(containsString("回访举报人")))
			.andExpect(content().string(not(containsString(HandledCases.PHONE))));
		perform("leader", get("/api/look-backs")).andExpect(content().string(not(containsString(HandledCases.PHONE))))
			.andExpect(content().string(not(containsString(HandledCases.COMPLAINANT))));
	}

}
