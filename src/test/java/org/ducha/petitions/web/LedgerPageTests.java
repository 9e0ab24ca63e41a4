package org.ducha.petitions.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.ducha.deadlines.ClockState;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.ducha.testing.PetitionCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The ledger page: filters from the URL, count, clock tags in words, scope, htmx swap.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class LedgerPageTests {

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
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long round;

	Map<String, Long> ids;

	@BeforeEach
	void setUp() {
		PetitionCases cases = new PetitionCases(this.rounds, this.petitions, this.queries, this.users, this.jdbc,
				this.clock);
		Instant day = this.clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		this.round = cases.round();
		long batch = cases.batch(this.round, 1);
		this.ids = cases.imported(batch, List.of(PetitionCases.petition("P1", day, "360313"),
				PetitionCases.petition("P2", day.plusSeconds(1), "360302")));
		cases.assign(this.ids.get("P1"), "萍乡市生态环境局");
		cases.clock(this.ids.get("P1"), "REPORT", ClockState.RED, day.plus(Duration.ofDays(1)));
	}

	@Test
	void ledgerShowsTheFilteredCasesWithCountAndClockInWords() throws Exception {
		String html = this.mvc
			.perform(get("/ledger").param("round", String.valueOf(this.round)).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(view().name("petitions/ledger"))
			.andExpect(model().attribute("count", 2L))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("共 2 件", "P1", "P2", "/petitions/" + this.ids.get("P1"), "红 已超期", "超期 2 天",
				"/ledger.xlsx?round=" + this.round + "&amp;sort=transferred&amp;dir=desc", "aria-sort=\"descending\"");
	}

	@Test
	void emptyFilterFieldsFromTheFormMatchEverything() throws Exception {
		this.mvc
			.perform(get("/ledger?round=" + this.round + "&batch=&region=&unit=&pollution=&verdict=&completion=&clock="
					+ "&status=&receipt=")
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("count", 2L));
	}

	@Test
	void handlerSeesOnlyItsUnitsCasesAndCount() throws Exception {
		String html = this.mvc
			.perform(get("/ledger").param("round", String.valueOf(this.round)).with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("count", 1L))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("P1").doesNotContain(">P2<");
	}

	@Test
	void htmxFilterChangeGetsOnlyTheResults() throws Exception {
		String html = this.mvc
			.perform(get("/ledger").param("round", String.valueOf(this.round))
				.param("region", "360302")
				.header("HX-Request", "true")
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"ledger-results\"", "P2").doesNotContain("<html", ">P1<");
	}

	@Test
	void auditorMayNotReadTheLedger() throws Exception {
		this.mvc.perform(get("/ledger").with(Demo.as(this.users, "auditor"))).andExpect(status().isForbidden());
	}

}
