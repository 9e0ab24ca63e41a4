package org.ducha.petitions.web;

import java.time.Clock;

import org.ducha.petitions.HandlingReport;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.ducha.testing.HandledCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The forms on the case and review pages: a form refused for what was typed comes back
 * with what was typed, and its problem beside its own field.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class CasePageFormTests {

	/** Anything but a line break, across the lines of a page. */
	private static final String ANY = "(?s).*";

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

	private HandledCases cases;

	private int numbers;

	@BeforeEach
	void makeRound() {
		this.cases = new HandledCases(this.users, this.rounds, this.petitions, this.queries, this.reports, this.jdbc,
				this.clock);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private String receiptNumber() {
		return String.format("D3JX2026112170%02d", ++this.numbers);
	}

	@Test
	void aRefusedAssignmentComesBackWithTheUnitsChosen() throws Exception {
		long id = this.cases.register(this.cases.batch(), receiptNumber());
		long bureau = this.cases.unitId(HandledCases.BUREAU);
		long township = this.cases.unitId(HandledCases.XIABU);
		long district = this.cases.unitId(HandledCases.XIANGDONG);
		this.mvc
			.perform(post("/petitions/" + id + "/assign").with(csrf())
				.with(Demo.as(this.users, "office"))
				.param("version", "0")
				.param("leadUnitId", String.valueOf(bureau))
				.param("coUnitIds", String.valueOf(bureau), String.valueOf(township))
				.param("territorialUnitIds", String.valueOf(district)))
			.andExpect(view().name("petitions/petition"))
			.andExpect(content().string(allOf(containsString("已是主办单位"),
					matchesPattern(ANY + "id=\"leadUnitId\"" + ANY + selected(bureau) + ANY + "id=\"coUnitIds\"" + ANY
							+ selected(township) + ANY + "id=\"territorialUnitIds\"" + ANY + selected(district)
							+ ANY))));
	}

	@Test
	void aRefusedRevealComesBackWithTheReasonTyped() throws Exception {
		long id = this.cases.register(this.cases.batch(), receiptNumber());
		String reason = "回访核实群众满意度" + "。".repeat(500);
		this.mvc
			.perform(post("/petitions/" + id + "/complainant").with(csrf())
				.with(Demo.as(this.users, "office"))
				.param("reason", reason))
			.andExpect(view().name("petitions/petition"))
			.andExpect(content().string(allOf(containsString("不能超过 500 个字"), containsString("value=\"" + reason + "\""),
					not(containsString(HandledCases.COMPLAINANT)))));
	}

	@Test
	void aRefusedTransferRequestComesBackWithTheReasonAndUnitTyped() throws Exception {
		long id = this.cases.assigned(receiptNumber(), false);
		long bureau = this.cases.unitId(HandledCases.BUREAU);
		this.mvc
			.perform(post("/petitions/" + id + "/transfer-requests").with(csrf())
				.with(Demo.as(this.users, "handler"))
				.param("toUnitId", String.valueOf(bureau))
				.param("reason", "本案涉及河道采砂，属水利部门职责。"))
			.andExpect(view().name("petitions/petition"))
			.andExpect(content().string(allOf(containsString(">本案涉及河道采砂，属水利部门职责。</textarea>"),
					matchesPattern(ANY + "id=\"toUnitId\"" + ANY + selected(bureau) + ANY))));
	}

	@Test
	void aRefusedDecisionComesBackWithItsProblemBesideItsNoteAndTheUnitChosen() throws Exception {
		long id = this.cases.assigned(receiptNumber(), false);
		long township = this.cases.unitId(HandledCases.XIABU);
		long request = this.cases.as("handler", () -> this.petitions.requestTransfer(id, null, "不属本局职责。"));
		this.mvc
			.perform(post("/transfer-requests/" + request + "/decision").with(csrf())
				.with(Demo.as(this.users, "office"))
				.param("petitionId", String.valueOf(id))
				.param("decision", "REJECT")
				.param("newLeadUnitId", String.valueOf(township))
				.param("note", " "))
			.andExpect(view().name("petitions/petition"))
			.andExpect(content().string(allOf(containsString("href=\"#note-" + request + "\""),
					containsString("id=\"note-" + request + "-error\""),
					matchesPattern(ANY + "id=\"newLeadUnitId-" + request + "\"" + ANY + selected(township) + ANY))));
	}

	@Test
	void aRefusedApprovalComesBackWithTheRemarkTypedBesideItsOwnField() throws Exception {
		long id = this.cases.assigned(receiptNumber(), false);
		HandlingReport submitted = this.cases.submitted(id);
		String remark = "同意。".repeat(700);
		this.mvc
			.perform(post("/petitions/" + id + "/review/approve").with(csrf())
				.with(Demo.as(this.users, "office"))
				.param("rowVersion", String.valueOf(submitted.rowVersion()))
				.param("comment", remark))
			.andExpect(status().isOk())
			.andExpect(view().name("petitions/report-review"))
			.andExpect(content().string(allOf(containsString("href=\"#remark\""), containsString("id=\"remark-error\""),
					containsString("value=\"" + remark + "\""))));
	}

	/** A unit chosen in a unit picker, by the unit's id (a regular expression). */
	private static String selected(long unitId) {
		return "value=\"" + unitId + "\"\\s+id=\"[^\"]*\" checked=\"checked\"";
	}

}
