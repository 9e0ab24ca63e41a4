package org.ducha.petitions.web;

import java.time.Clock;

import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.ducha.testing.HandledCases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Lists of cases name their districts rather than giving the region codes. */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class CaseListsTests {

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

	@Test
	void theWorkQueueTheBatchAndTheCasePageNameTheDistrict() throws Exception {
		HandledCases cases = new HandledCases(this.users, this.rounds, this.petitions, this.queries, this.reports,
				this.jdbc, this.clock);
		long batch = cases.batch();
		long id = cases.register(batch, "D3JX202611217101");
		for (String page : new String[] { "/work", "/batches/" + batch, "/petitions/" + id }) {
			this.mvc.perform(get(page).with(Demo.as(this.users, "office")))
				.andExpect(
						content().string(allOf(containsString("<span>湘东区</span>"), not(containsString(">360313<")))));
		}
	}

}
