package org.ducha.petitions.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.ducha.petitions.IntakeField;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ducha.reports.TestWorkbooks.batch;
import static org.ducha.reports.TestWorkbooks.row;
import static org.ducha.reports.TestWorkbooks.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The office corrects a case's transfer details through the JSON API, by the same service
 * as the page: the import conflict names the case and its correction, the correction lets
 * the team's sheet import again, and roles, versions and rules are those of the page,
 * with nothing written when refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class CorrectionApiTests {

	private static final String NUMBER = "D3JX202405080001";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RoundManagement rounds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private long batchId;

	@BeforeEach
	void createBatch() {
		Demo.signIn(this.users, "office");
		long round = Cases.round(this.rounds);
		this.batchId = Cases.batch(this.rounds, round, 2, this.clock.instant().minus(Duration.ofHours(2)));
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private ResultActions upload(byte[] workbook) throws Exception {
		return this.mvc.perform(multipart("/api/batches/" + this.batchId + "/import")
			.file(new MockMultipartFile("file", "第2批交办信访件.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
			.with(csrf())
			.with(Demo.as(this.users, "office")));
	}

	/** The case imported from the team's row for {@link #NUMBER}. */
	private long imported() throws Exception {
		upload(batch(row(NUMBER, "夜间噪声扰民"))).andExpect(status().isOk());
		return this.jdbc.sql("select id from petition where batch_id = ? and receipt_number = ?")
			.params(this.batchId, NUMBER)
			.query(Long.class)
			.single();
	}

	private ResultActions correct(long id, String login, String json) throws Exception {
		return this.mvc.perform(put("/api/petitions/" + id + "/correction").contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(csrf())
			.with(Demo.as(this.users, login)));
	}

	/**
	 * Every transfer detail of the imported row, with the given complaint and priority.
	 */
	private static String body(Object version, String complaint, String priority, String reason) {
		return """
				{"version": %s, "reason": "%s", "receiptNumber": "%s", "transferredAt": "2024-05-08T09:30:00+08:00",
				 "channel": "PHONE", "priority": "%s", "complaint": "%s", "reportedObject": "某石材加工厂",
				 "address": "萍乡市湘东区下埠镇", "regions": ["360313"], "pollutionTypes": ["NOISE", "AIR"]}"""
			.formatted(version, reason, NUMBER, priority, complaint);
	}

	private long corrections(long id) {
		return this.jdbc
			.sql("select count(*) from journal_entry where subject_type = 'petition' and subject_id = ?"
					+ " and event_type = 'PetitionCorrected'")
			.param(String.valueOf(id))
			.query(Long.class)
			.single();
	}

	@Test
	void theConflictNamesTheCaseAndItsCorrectionAndTheCorrectionLetsTheTeamsSheetImport() throws Exception {
		long id = imported();
		byte[] teamsSheet = batch(with(row(NUMBER, "夜间噪声扰民，石材切割声持续到凌晨"), IntakeField.PRIORITY, "重点"));
		String page = "/petitions/" + id + "/correction";
		upload(teamsSheet).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("intake.conflict"))
			.andExpect(jsonPath("$.errors[0].link").value(page))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString(NUMBER)))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString("更正交办信息")))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString(page)))
			.andExpect(jsonPath("$.errors[0].en").value(containsString(page)));
		this.mvc.perform(get("/api/petitions/" + id + "/correction").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.receiptNumber").value(NUMBER))
			.andExpect(jsonPath("$.transferredAt").value("2024-05-08T01:30:00Z"))
			.andExpect(jsonPath("$.priority").value("ORDINARY"))
			.andExpect(jsonPath("$.regions[0]").value("360313"))
			.andExpect(content().string(not(containsString("张三"))))
			.andExpect(content().string(not(containsString("13800138000"))));
		correct(id, "office", body(0, "夜间噪声扰民，石材切割声持续到凌晨", "KEY", "与督察组交办单核对，应为重点件")).andExpect(status().isOk())
			.andExpect(jsonPath("$.petition.version").value(1))
			.andExpect(jsonPath("$.petition.priority").value("KEY"))
			.andExpect(jsonPath("$.changes[0].field").value("priority"))
			.andExpect(jsonPath("$.changes[0].before").value("ORDINARY"))
			.andExpect(jsonPath("$.changes[0].after").value("KEY"))
			.andExpect(jsonPath("$.changes[1].field").value("complaint"))
			.andExpect(jsonPath("$.changes.length()").value(2))
			.andExpect(jsonPath("$.disclosureAffected").value(false));
		upload(teamsSheet).andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.alreadyPresent").value(1));
		assertThat(corrections(id)).isEqualTo(1);
	}

	@Test
	void handlersAndLeadersAreRefused() throws Exception {
		long id = imported();
		for (String login : List.of("handler", "leader", "auditor")) {
			this.mvc.perform(get("/api/petitions/" + id + "/correction").with(Demo.as(this.users, login)))
				.andExpect(status().isForbidden());
			correct(id, login, body(0, "改过的内容", "KEY", "理由")).andExpect(status().isForbidden());
		}
		assertThat(corrections(id)).isZero();
	}

	@Test
	void aStaleVersionIsAConflictAndNothingIsWritten() throws Exception {
		long id = imported();
		correct(id, "office", body(0, "夜间噪声扰民", "KEY", "应为重点件")).andExpect(status().isOk());
		correct(id, "office", body(0, "另一种说法", "ORDINARY", "另一个理由")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].code").value("error.conflict"));
		assertThat(corrections(id)).isEqualTo(1);
	}

	@Test
	void invalidFieldsAreNamedInBothLanguagesAndNothingIsWritten() throws Exception {
		long id = imported();
		correct(id, "office", """
				{"version": 0, "reason": " ", "receiptNumber": "%s", "transferredAt": "2024-05-08T09:30:00+08:00",
				 "channel": "PHONE", "priority": "KEY", "complaint": "", "regions": ["440300"]}""".formatted(NUMBER))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'reason')].code").value("correction.reason.required"))
			.andExpect(jsonPath("$.errors[?(@.field == 'complaint')].code").value("intake.required"))
			.andExpect(jsonPath("$.errors[?(@.field == 'regions')].code").value("intake.region.unknown"))
			.andExpect(jsonPath("$.errors[?(@.field == 'reason')].zh").value("请填写更正理由。"))
			.andExpect(jsonPath("$.errors[?(@.field == 'reason')].en").value("Give the reason for the correction."));
		correct(id, "office", body(null, "夜间噪声扰民", "KEY", "应为重点件")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("api.version.required"));
		correct(987654321L, "office", body(0, "夜间噪声扰民", "KEY", "应为重点件")).andExpect(status().isNotFound());
		assertThat(corrections(id)).isZero();
		assertThat(this.jdbc.sql("select priority from petition where id = ?").param(id).query(String.class).single())
			.isEqualTo("ORDINARY");
	}

}
