package org.ducha.disclosure.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

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

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A batch's disclosure table through the JSON API: the office previews the rows and the
 * redactions and publishes against the version it read; the public reads a published
 * version without signing in, without the complainant or an unredacted number.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class DisclosureApiTests {

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

	long batch;

	long approved;

	long pending;

	/** A batch of two cases, D1 approved and D2 assigned, both with the complainant. */
	@BeforeEach
	void batchWithOneApprovedCase() {
		this.cases = new HandledCases(this.users, this.rounds, this.petitions, this.queries, this.reports, this.jdbc,
				this.clock);
		this.batch = this.cases.batch();
		this.approved = this.cases.register(this.batch, "D3JX202611230001");
		this.pending = this.cases.register(this.batch, "D3JX202611230002");
		this.cases.receive(this.batch);
		this.cases.assign(this.approved, true);
		this.cases.assign(this.pending, true);
		this.cases.approved(this.approved);
	}

	private String disclosure() {
		return "/api/batches/" + this.batch + "/disclosure";
	}

	private ResultActions publish(String login, String body) throws Exception {
		return this.mvc.perform(post(disclosure()).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(Demo.as(this.users, login))
			.with(csrf()));
	}

	private ResultActions draft(String login) throws Exception {
		return this.mvc.perform(get(disclosure()).with(Demo.as(this.users, login)));
	}

	private static long number(ResultActions result, String path) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
				path))
			.longValue();
	}

	@Test
	void officePublishesWhatItPreviewedAndThePublicReadsItWithoutSigningIn() throws Exception {
		draft("office").andExpect(status().isOk())
			.andExpect(jsonPath("$.baseVersion").value(0))
			.andExpect(jsonPath("$.title").value(containsString("边督边改公开情况一览表")))
			.andExpect(jsonPath("$.rows", hasSize(1)))
			.andExpect(jsonPath("$.rows[0].receiptNumber").value("D3JX202611230001"))
			.andExpect(jsonPath("$.rows[0].verdict").value("基本属实"))
			.andExpect(jsonPath("$.rows[0].complaint").value(not(containsString(HandledCases.PHONE))))
			.andExpect(jsonPath("$.redactions[0].column").value("complaint"))
			.andExpect(jsonPath("$.redactions[0].found").value(HandledCases.PHONE))
			.andExpect(jsonPath("$.notYetApproved").value(contains("D3JX202611230002")))
			.andExpect(content().string(not(containsString(HandledCases.COMPLAINANT))));

		ResultActions published = publish("office", "{\"baseVersion\": 0}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.rows", hasSize(1)));
		long table = number(published, "$.id");
		published.andExpect(header().string("Location", "/public/disclosures/" + table + ".json"));

		this.mvc.perform(get("/public/disclosures/" + table + ".json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.batchId").value(this.batch))
			.andExpect(jsonPath("$.latestId").value(table))
			.andExpect(jsonPath("$.changes").value(nullValue()))
			.andExpect(jsonPath("$.rows[0].receiptNumber").value("D3JX202611230001"))
			.andExpect(jsonPath("$.rows[0].complaint").value(containsString("请联系我")))
			.andExpect(jsonPath("$.publishedBy").doesNotExist())
			.andExpect(content().string(not(containsString(HandledCases.PHONE))))
			.andExpect(content().string(not(containsString(HandledCases.COMPLAINANT))));
		this.mvc.perform(get("/public/disclosures/" + table))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
	}

	@Test
	void correctionWithoutANoteIsRefusedInBothLanguagesAndNothingIsPublished() throws Exception {
		long first = number(publish("office", "{\"baseVersion\": 0}").andExpect(status().isCreated()), "$.id");
		this.cases.approved(this.pending);

		publish("office", "{\"baseVersion\": 1}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("changeNote"))
			.andExpect(jsonPath("$.errors[0].code").value("disclosure.changeNote.required"))
			.andExpect(jsonPath("$.errors[0].zh").value(not(nullValue())))
			.andExpect(jsonPath("$.errors[0].en").value(not(nullValue())));
		draft("office").andExpect(jsonPath("$.baseVersion").value(1))
			.andExpect(jsonPath("$.changes.added").value(contains("D3JX202611230002")));

		long second = number(publish("office", "{\"baseVersion\": 1, \"changeNote\": \"补充公开第2件的办理情况。\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.changes.added").value(contains("D3JX202611230002"))), "$.id");
		this.mvc.perform(get("/public/disclosures/" + first + ".json"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.latestId").value(second))
			.andExpect(jsonPath("$.rows", hasSize(1)));
	}

	@Test
	void publishingAgainstAStaleVersionIsAConflict() throws Exception {
		publish("office", "{\"baseVersion\": 0}").andExpect(status().isCreated());
		this.cases.approved(this.pending);
		publish("office", "{\"baseVersion\": 0, \"changeNote\": \"补充。\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].code").value("error.conflict"));
		draft("office").andExpect(jsonPath("$.baseVersion").value(1));
	}

	@Test
	void onlyTheOfficePreviewsOrPublishes() throws Exception {
		for (String login : new String[] { "handler", "xiabu", "leader", "auditor" }) {
			draft(login).andExpect(status().isForbidden());
			publish(login, "{\"baseVersion\": 0}").andExpect(status().isForbidden());
		}
		draft("office").andExpect(jsonPath("$.baseVersion").value(0));
	}

	@Test
	void publicJsonOnlyHoldsPublishedTables() throws Exception {
		this.mvc.perform(get("/public/disclosures/987654321.json"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].code").value("api.notFound"));
		this.mvc.perform(get("/public/disclosures/abc.json")).andExpect(status().isBadRequest());
	}

}
