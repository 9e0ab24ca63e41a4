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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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

	private ResultActions send(String login, String path, String body) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(Demo.as(this.users, login))
			.with(csrf()));
	}

	@Test
	void officeKeepsANumberAndHidesWordsAndThePublishedTableShowsExactlyThat() throws Exception {
		ResultActions kept = send("office", disclosure() + "/kept", """
				{"receiptNumber": "D3JX202611230001", "column": "complaint", "number": "%s",
				 "reason": "企业对外公布的电话。"}""".formatted(HandledCases.PHONE)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.action").value("KEEP"))
			.andExpect(jsonPath("$.column").value("complaint"))
			.andExpect(jsonPath("$.written").value(HandledCases.PHONE))
			.andExpect(jsonPath("$.occurrences").value(1))
			.andExpect(jsonPath("$.decidedBy").value("office"));
		long keep = number(kept, "$.id");
		kept.andExpect(header().string("Location", disclosure() + "/decisions/" + keep));
		long hide = number(send("office", disclosure() + "/redactions", """
				{"receiptNumber": "D3JX202611230001", "column": "complaint", "text": "下埠镇某陶瓷厂",
				 "reason": "可以认出举报人住处。"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.action").value("REDACT"))
			.andExpect(jsonPath("$.shown").value("*******")), "$.id");

		draft("office").andExpect(jsonPath("$.decisions", hasSize(2)))
			.andExpect(jsonPath("$.redactions", hasSize(1)))
			.andExpect(jsonPath("$.redactions[0].kind").value("BY_HAND"))
			.andExpect(jsonPath("$.redactions[0].decisionId").value(hide))
			.andExpect(jsonPath("$.rows[0].complaint").value(containsString(HandledCases.PHONE)))
			.andExpect(jsonPath("$.rows[0].complaint").value(not(containsString("下埠镇某陶瓷厂"))));
		long table = number(publish("office", "{\"baseVersion\": 0}").andExpect(status().isCreated()), "$.id");
		this.mvc.perform(get("/public/disclosures/" + table + ".json"))
			.andExpect(jsonPath("$.rows[0].complaint").value(containsString("请联系我" + HandledCases.PHONE)))
			.andExpect(jsonPath("$.rows[0].complaint").value(containsString("*******")))
			.andExpect(content().string(not(containsString("下埠镇某陶瓷厂"))));

		this.mvc.perform(get(disclosure() + "/decisions/" + keep).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reason").value("企业对外公布的电话。"));
		this.mvc.perform(delete(disclosure() + "/decisions/" + keep).with(Demo.as(this.users, "office")).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(disclosure() + "/decisions/" + keep).with(Demo.as(this.users, "office")))
			.andExpect(status().isNotFound());
		draft("office").andExpect(jsonPath("$.rows[0].complaint").value(not(containsString(HandledCases.PHONE))));
		this.mvc.perform(get("/public/disclosures/" + table + ".json"))
			.andExpect(jsonPath("$.rows[0].complaint").value(containsString(HandledCases.PHONE)));
	}

	@Test
	void aDecisionWithProblemsIsRefusedNamingEachField() throws Exception {
		send("office", disclosure() + "/kept",
				"""
						{"receiptNumber": "D3JX202611230002", "column": "remarks", "number": "%s"}"""
					.formatted(HandledCases.PHONE))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("receiptNumber", "column", "reason")))
			.andExpect(jsonPath("$.errors[0].zh").value(not(nullValue())))
			.andExpect(jsonPath("$.errors[0].en").value(not(nullValue())));
		send("office", disclosure() + "/redactions", """
				{"receiptNumber": "D3JX202611230001", "column": "findings", "text": "李四", "reason": "姓名。"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("text"))
			.andExpect(jsonPath("$.errors[0].code").value("disclosure.redact.text.notFound"));
		draft("office").andExpect(jsonPath("$.decisions", hasSize(0)));
	}

	@Test
	void onlyTheOfficeKeepsOrHides() throws Exception {
		String keep = """
				{"receiptNumber": "D3JX202611230001", "column": "complaint", "number": "%s", "reason": "不是个人号码。"}"""
			.formatted(HandledCases.PHONE);
		for (String login : new String[] { "handler", "leader", "auditor" }) {
			send(login, disclosure() + "/kept", keep).andExpect(status().isForbidden());
			send(login, disclosure() + "/redactions", """
					{"receiptNumber": "D3JX202611230001", "column": "complaint", "text": "某陶瓷厂", "reason": "地址。"}""")
				.andExpect(status().isForbidden());
		}
		long id = number(send("office", disclosure() + "/kept", keep).andExpect(status().isCreated()), "$.id");
		this.mvc.perform(delete(disclosure() + "/decisions/" + id).with(Demo.as(this.users, "handler")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(disclosure() + "/decisions/" + id).with(Demo.as(this.users, "leader")))
			.andExpect(status().isForbidden());
	}

	@Test
	void publicJsonOnlyHoldsPublishedTables() throws Exception {
		this.mvc.perform(get("/public/disclosures/987654321.json"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].code").value("api.notFound"));
		this.mvc.perform(get("/public/disclosures/abc.json")).andExpect(status().isBadRequest());
	}

}
