package org.ducha.petitions;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ducha.rounds.RoundManagement;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A batch page shows its cases a page at a time. In a context of its own: its 205 cases
 * would crowd other classes' work queues.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "ducha.demo=true", "ducha.context=batch-pages" })
class BatchPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RoundManagement rounds;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	Clock clock;

	private long batchId;

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

	@Test
	void aLargeBatchIsShownAPageAtATimeInReceiptNumberOrder() throws Exception {
		List<NewPetition> rows = new ArrayList<>();
		for (int i = 1; i <= 205; i++) {
			rows.add(Cases.airComplaint(String.format("D3JX20261121%04d", i), this.clock.instant()));
		}
		this.petitions.importBatch(this.batchId, rows, 2);
		String first = this.mvc.perform(get("/batches/" + this.batchId).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("D3JX202611210200")))
			.andExpect(content().string(not(containsString("D3JX202611210201"))))
			.andExpect(content().string(containsString("after=D3JX202611210200")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("<dd>205</dd>");
		this.mvc
			.perform(get("/batches/" + this.batchId).param("after", "D3JX202611210200")
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("D3JX202611210205")))
			.andExpect(content().string(not(containsString("D3JX202611210199"))))
			.andExpect(content().string(not(containsString("after="))));
		this.mvc.perform(get("/batches/" + this.batchId).with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd>0</dd>")))
			.andExpect(content().string(not(containsString("D3JX202611210001"))));
	}

}
