package org.ducha.rounds.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ducha.rounds.RoundManagement;
import org.ducha.rounds.RoundQueries;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The round pages: policies and regions in words, and forms that come back with what was
 * typed whatever was wrong with it.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class RoundPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RoundManagement rounds;

	@Autowired
	RoundQueries queries;

	private long roundId;

	@BeforeEach
	void createRound() {
		Demo.signIn(this.users, "office");
		this.roundId = Cases.round(this.rounds);
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void roundPageSaysItsPoliciesInWordsNotCodes() throws Exception {
		this.mvc.perform(get("/rounds/" + this.roundId).with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("24 小时内"), containsString("第5日12:00前"),
					containsString("6 小时内"), not(containsString("DURATION")), not(containsString("DAY_N")))));
	}

	@Test
	void roundPageSaysItsPoliciesInEnglishToo() throws Exception {
		this.mvc.perform(get("/rounds/" + this.roundId).param("lang", "en").with(Demo.as(this.users, "handler")))
			.andExpect(content().string(allOf(containsString("within 24 hours"), containsString("by 12:00 on day 5"),
					containsString("within 6 hours"))));
	}

	@Test
	void stationingIsGivenInTheChineseStyleOfDates() throws Exception {
		this.mvc.perform(get("/rounds/" + this.roundId).with(Demo.as(this.users, "handler")))
			.andExpect(content().string(containsString("2026年11月1日 至 2026年12月1日")));
	}

	@Test
	void roundsListNamesTheRegionInspected() throws Exception {
		this.mvc.perform(get("/rounds").with(Demo.as(this.users, "office")))
			.andExpect(content().string(allOf(containsString("<td>萍乡市</td>"), not(containsString(">360300<")))));
	}

	@Test
	void editFormSaysThePolicyInForceBesideItsCode() throws Exception {
		this.mvc.perform(get("/rounds/" + this.roundId + "/edit").with(Demo.as(this.users, "office")))
			.andExpect(
					content().string(allOf(containsString("value=\"DAY_N 5 12:00\""), containsString("现行：第5日12:00前"))));
	}

	@Test
	void aStationingDateThatIsNotADateComesBackOnTheFormWithWhatWasTyped() throws Exception {
		this.mvc.perform(newRound("stationedFrom", "2026/11/1"))
			.andExpect(status().isOk())
			.andExpect(view().name("rounds/round-form"))
			.andExpect(content().string(allOf(containsString("value=\"2026/11/1\""),
					containsString("value=\"第三轮省级生态环境保护督察（复核）\""), containsString("日期“2026/11/1”无法识别"))));
	}

	@Test
	void aBrokenRuleComesBackOnTheFormWithEverythingTyped() throws Exception {
		this.mvc.perform(newRound("receiptPolicy", "DURATION 24H"))
			.andExpect(view().name("rounds/round-form"))
			.andExpect(content().string(allOf(containsString("value=\"DURATION 24H\""),
					containsString("value=\"0799-6660001\""), containsString("value=\"2026-11-01\""))));
	}

	@Test
	void anEditConflictComesBackOnTheFormWithWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/rounds/" + this.roundId).with(csrf())
				.with(Demo.as(this.users, "office"))
				.param("version", "99")
				.param("name", "第三轮省级生态环境保护督察（更名）")
				.param("level", "PROVINCIAL")
				.param("team", "江西省第三生态环境保护督察组")
				.param("regionCode", "360300")
				.param("stationedFrom", "2026-11-01")
				.param("stationedTo", "2026-12-01")
				.param("receiptPolicy", "DURATION PT24H")
				.param("reportPolicy", "DAY_N 5 12:00")
				.param("keyReportPolicy", "DAY_N 5 12:00")
				.param("supplementPolicy", "DURATION PT6H"))
			.andExpect(view().name("rounds/round-form"))
			.andExpect(
					content().string(allOf(containsString("已被他人修改"), containsString("value=\"第三轮省级生态环境保护督察（更名）\""))));
		assertThat(this.queries.round(this.roundId).name()).isEqualTo("第三轮省级生态环境保护督察");
	}

	@Test
	void aBatchNumberThatIsNotANumberComesBackWithWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/rounds/" + this.roundId + "/batches").with(csrf())
				.with(Demo.as(this.users, "office"))
				.param("number", "三")
				.param("transferredAt", "2026-11-21T09:30"))
			.andExpect(status().isOk())
			.andExpect(view().name("rounds/round"))
			.andExpect(content().string(allOf(containsString("value=\"三\""),
					containsString("value=\"2026-11-21T09:30\""), containsString("批次号应为 1 至 999 的整数"))));
	}

	/** The new-round form as sent, with one field as typed. */
	private MockHttpServletRequestBuilder newRound(String field, String typed) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", "第三轮省级生态环境保护督察（复核）");
		values.put("level", "PROVINCIAL");
		values.put("team", "江西省第三生态环境保护督察组");
		values.put("regionCode", "360300");
		values.put("stationedFrom", "2026-11-01");
		values.put("stationedTo", "2026-12-01");
		values.put("hotline", "0799-6660001");
		values.put("receiptPolicy", "DURATION PT24H");
		values.put("reportPolicy", "DAY_N 5 12:00");
		values.put("keyReportPolicy", "DAY_N 5 12:00");
		values.put("supplementPolicy", "DURATION PT6H");
		values.put(field, typed);
		MockHttpServletRequestBuilder request = post("/rounds").with(csrf()).with(Demo.as(this.users, "office"));
		values.forEach(request::param);
		return request;
	}

}
