package org.ducha.rounds.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rounds and batches through the JSON API: the office creates and changes them, staff
 * read them, and a bad or stale request writes nothing.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class RoundApiTests {

	private static final String ROUND = """
			{"name": "第二轮中央生态环境保护督察", "level": "CENTRAL", "team": "中央第四生态环境保护督察组",
			 "regionCode": "360300", "stationedFrom": "2026-11-01", "stationedTo": "2026-12-01",
			 "hotline": "0799-6660000", "receiptPolicy": "DURATION PT12H", "reportPolicy": "WORKDAY_N 10 24:00",
			 "keyReportPolicy": "DAY_N 3 18:00", "supplementPolicy": "DURATION PT6H"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoundManagement rounds;

	@Autowired
	Clock clock;

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

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long journaled(String eventType) {
		return this.jdbc.sql("select count(*) from journal_entry where event_type = ?")
			.param(eventType)
			.query(Long.class)
			.single();
	}

	private String roundName() {
		return this.jdbc.sql("select name from inspection_round where id = ?")
			.param(this.roundId)
			.query(String.class)
			.single();
	}

	@Test
	void officeCreatesARoundWithItsPoliciesAndReadsItBack() throws Exception {
		long journaled = journaled("RoundCreated");
		String location = this.mvc
			.perform(post("/api/rounds").contentType(MediaType.APPLICATION_JSON)
				.content(ROUND)
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/rounds/")))
			.andExpect(jsonPath("$.name").value("第二轮中央生态环境保护督察"))
			.andExpect(jsonPath("$.level").value("CENTRAL"))
			.andExpect(jsonPath("$.regionName").value("萍乡市"))
			.andExpect(jsonPath("$.reportPolicy").value("WORKDAY_N 10 24:00"))
			.andExpect(jsonPath("$.keyReportPolicy").value("DAY_N 3 18:00"))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get(location).with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.team").value("中央第四生态环境保护督察组"))
			.andExpect(jsonPath("$.stationedTo").value("2026-12-01"))
			.andExpect(jsonPath("$.receiptPolicy").value("DURATION PT12H"));
		assertThat(journaled("RoundCreated")).isEqualTo(journaled + 1);
	}

	@Test
	void policiesLeftOutTakeTheDefaultsTheCreationFormOffers() throws Exception {
		this.mvc
			.perform(post("/api/rounds").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "第三轮市级督察", "level": "MUNICIPAL", "team": "市第一督察组", "regionCode": "360300",
						 "stationedFrom": "2026-11-01", "stationedTo": "2026-11-30"}""")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.receiptPolicy").value("DURATION PT24H"))
			.andExpect(jsonPath("$.reportPolicy").value("DAY_N 5 12:00"))
			.andExpect(jsonPath("$.keyReportPolicy").value("DAY_N 5 12:00"))
			.andExpect(jsonPath("$.supplementPolicy").value("DURATION PT6H"));
	}

	@Test
	void everyBrokenFieldIsNamedInBothLanguagesAndNoRoundIsCreated() throws Exception {
		long before = count("inspection_round");
		this.mvc
			.perform(post("/api/rounds").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": " ", "level": "PROVINCIAL", "team": "省督察组", "regionCode": "999999",
						 "stationedFrom": "2026-11-10", "stationedTo": "2026-11-01", "reportPolicy": "DAY_N"}""")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].code").value(hasItem("form.required")))
			.andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].zh").value(hasItem("请选择被督察地区。")))
			.andExpect(jsonPath("$.errors[?(@.field == 'stationedTo')].en").value(hasItem(containsString("before"))))
			.andExpect(
					jsonPath("$.errors[?(@.field == 'reportPolicy')].code").value(hasItem("deadline.policy.malformed")))
			.andExpect(jsonPath("$.errors.length()").value(4));
		assertThat(count("inspection_round")).isEqualTo(before);
	}

	@Test
	void officeChangesARoundWithTheVersionItReadAndAStaleVersionIsAConflict() throws Exception {
		long journaled = journaled("RoundChanged");
		String change = ROUND.replace("第二轮中央生态环境保护督察", "第二轮中央督察（更正）").replace("}", ", \"version\": 0}");
		this.mvc
			.perform(put("/api/rounds/" + this.roundId).contentType(MediaType.APPLICATION_JSON)
				.content(change)
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("第二轮中央督察（更正）"))
			.andExpect(jsonPath("$.supplementPolicy").value("DURATION PT6H"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put("/api/rounds/" + this.roundId).contentType(MediaType.APPLICATION_JSON)
				.content(change.replace("（更正）", "（再改）"))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].code").value("error.conflict"))
			.andExpect(jsonPath("$.errors[0].zh").isNotEmpty())
			.andExpect(jsonPath("$.errors[0].en").isNotEmpty());
		assertThat(roundName()).isEqualTo("第二轮中央督察（更正）");
		assertThat(journaled("RoundChanged")).isEqualTo(journaled + 1);
	}

	@Test
	void aChangeWithoutItsVersionIsRefused() throws Exception {
		this.mvc
			.perform(put("/api/rounds/" + this.roundId).contentType(MediaType.APPLICATION_JSON)
				.content(ROUND)
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(jsonPath("$.errors[0].code").value("api.version.required"));
		assertThat(roundName()).isEqualTo("第三轮省级生态环境保护督察");
	}

	@Test
	void officeRecordsABatchWithItsTransferTimeAndListsIt() throws Exception {
		Instant transferred = this.clock.instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		String location = this.mvc
			.perform(post("/api/rounds/" + this.roundId + "/batches").contentType(MediaType.APPLICATION_JSON)
				.content("{\"number\": 1, \"transferredAt\": \"" + transferred.atOffset(ZoneOffset.ofHours(8)) + "\"}")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/batches/")))
			.andExpect(jsonPath("$.roundId").value(this.roundId))
			.andExpect(jsonPath("$.number").value(1))
			.andExpect(jsonPath("$.transferredAt").value(transferred.toString()))
			.andExpect(jsonPath("$.receivedAt").value(nullValue()))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get(location).with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(1));
		this.mvc.perform(get("/api/rounds/" + this.roundId + "/batches").with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].number").value(1));
	}

	@Test
	void aTakenNumberAndAFutureTransferAreRefusedAndNoBatchIsRecorded() throws Exception {
		Demo.signIn(this.users, "office");
		Cases.batch(this.rounds, this.roundId, 1, this.clock.instant().minus(Duration.ofHours(5)));
		SecurityContextHolder.clearContext();
		long before = count("transfer_batch");
		this.mvc
			.perform(post("/api/rounds/" + this.roundId + "/batches").contentType(MediaType.APPLICATION_JSON)
				.content("{\"number\": 1, \"transferredAt\": \""
						+ this.clock.instant().plus(Duration.ofDays(1)).atOffset(ZoneOffset.ofHours(8)) + "\"}")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'number')].zh").value(hasItem("第1批已经登记过。")))
			.andExpect(jsonPath("$.errors[?(@.field == 'number')].en").value(hasItem(containsString("1"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'transferredAt')].code")
				.value(hasItem("batch.transferredAt.future")));
		assertThat(count("transfer_batch")).isEqualTo(before);
	}

	@Test
	void handlerReadsRoundsButMayNeitherCreateNorChangeThemNorRecordBatches() throws Exception {
		long rounds = count("inspection_round");
		long batches = count("transfer_batch");
		this.mvc.perform(get("/api/rounds").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem((int) this.roundId)));
		this.mvc
			.perform(post("/api/rounds").contentType(MediaType.APPLICATION_JSON)
				.content(ROUND)
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/rounds/" + this.roundId).contentType(MediaType.APPLICATION_JSON)
				.content(ROUND.replace("}", ", \"version\": 0}"))
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/rounds/" + this.roundId + "/batches").contentType(MediaType.APPLICATION_JSON)
				.content("{\"number\": 2, \"transferredAt\": \"2026-11-02T09:00:00+08:00\"}")
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		assertThat(count("inspection_round")).isEqualTo(rounds);
		assertThat(count("transfer_batch")).isEqualTo(batches);
		assertThat(roundName()).isEqualTo("第三轮省级生态环境保护督察");
	}

	@Test
	void roleOutsideCaseWorkCannotReadRounds() throws Exception {
		this.mvc.perform(get("/api/rounds").with(Demo.as(this.users, "auditor"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/rounds/" + this.roundId).with(Demo.as(this.users, "auditor")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownLevelOrAMalformedTimeIsAnUnreadableRequest() throws Exception {
		long before = count("inspection_round");
		this.mvc
			.perform(post("/api/rounds").contentType(MediaType.APPLICATION_JSON)
				.content(ROUND.replace("CENTRAL", "REGIONAL"))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("api.unreadable"));
		this.mvc
			.perform(post("/api/rounds/" + this.roundId + "/batches").contentType(MediaType.APPLICATION_JSON)
				.content("{\"number\": 3, \"transferredAt\": \"昨天下午\"}")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isBadRequest());
		assertThat(count("inspection_round")).isEqualTo(before);
	}

	@Test
	void anUnknownRoundIsNotFound() throws Exception {
		this.mvc.perform(get("/api/rounds/987654321/batches").with(Demo.as(this.users, "office")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].code").value("api.notFound"));
	}

}
