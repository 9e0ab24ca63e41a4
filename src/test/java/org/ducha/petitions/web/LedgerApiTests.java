package org.ducha.petitions.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.ducha.petitions.NewPetition;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PollutionType;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ledger through the JSON API: the page's filters and sort, keyset cursors both ways,
 * the count on request, a handler's scope, and no complainant outside the office.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class LedgerApiTests {

	private static final String NAME = "赵某某";

	private static final String PHONE = "13907994321";

	/** One more than a page. */
	private static final int CASES = 51;

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

	PetitionCases cases;

	long round;

	Map<String, Long> ids;

	long bureau;

	/**
	 * 51 cases in one batch, L01 the oldest; L01 to L03 led by the environment bureau,
	 * L04 led by 湘东区 with the bureau as co-unit; L05, led by 湘东区 with 下埠镇 as co-unit,
	 * carries a complainant whose phone is also in the complaint.
	 */
	@BeforeEach
	void setUp() {
		this.cases = new PetitionCases(this.rounds, this.petitions, this.queries, this.users, this.jdbc, this.clock);
		Instant day = this.clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		this.round = this.cases.round();
		long batch = this.cases.batch(this.round, 1);
		List<NewPetition> rows = new ArrayList<>();
		for (int i = 1; i <= CASES; i++) {
			String number = "L%02d".formatted(i);
			rows.add((i == 5)
					? PetitionCases.petition(number, day.plusSeconds(i), "360313", PollutionType.AIR,
							"某石材厂夜间生产粉尘大。举报人电话" + PHONE + "。", NAME, PHONE)
					: PetitionCases.petition(number, day.plusSeconds(i), (i % 2 == 0) ? "360313" : "360302"));
		}
		this.ids = this.cases.imported(batch, rows);
		for (String lead : List.of("L01", "L02", "L03")) {
			this.cases.assign(this.ids.get(lead), "萍乡市生态环境局");
		}
		this.cases.assign(this.ids.get("L04"), "湘东区人民政府", "萍乡市生态环境局");
		this.cases.assign(this.ids.get("L05"), "湘东区人民政府", "湘东区下埠镇人民政府");
		this.bureau = this.cases.unitId("萍乡市生态环境局");
	}

	private ResultActions perform(String login, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(Demo.as(this.users, login)));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void ledgerReadsPageByPageWithCursorsAndCountsOnRequest() throws Exception {
		ResultActions first = perform("office",
				get("/api/ledger").param("round", String.valueOf(this.round)).param("count", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows", hasSize(50)))
			.andExpect(jsonPath("$.count").value(CASES))
			.andExpect(jsonPath("$.sort").value("transferred"))
			.andExpect(jsonPath("$.dir").value("desc"))
			.andExpect(jsonPath("$.rows[0].receiptNumber").value("L51"))
			.andExpect(jsonPath("$.prev").value(nullValue()))
			.andExpect(jsonPath("$.next").value(notNullValue()));
		String next = JsonPath.read(body(first), "$.next");

		ResultActions second = perform("office",
				get("/api/ledger").param("round", String.valueOf(this.round)).param("after", next))
			.andExpect(jsonPath("$.rows", hasSize(1)))
			.andExpect(jsonPath("$.rows[0].receiptNumber").value("L01"))
			.andExpect(jsonPath("$.rows[0].leadUnit").value("萍乡市生态环境局"))
			.andExpect(jsonPath("$.count").value(nullValue()))
			.andExpect(jsonPath("$.next").value(nullValue()));
		String prev = JsonPath.read(body(second), "$.prev");
		perform("office", get("/api/ledger").param("round", String.valueOf(this.round)).param("before", prev))
			.andExpect(jsonPath("$.rows", hasSize(50)))
			.andExpect(jsonPath("$.rows[0].receiptNumber").value("L51"))
			.andExpect(jsonPath("$.rows[49].receiptNumber").value("L02"));

		perform("office",
				get("/api/ledger").param("round", String.valueOf(this.round))
					.param("region", "360302")
					.param("sort", "receipt")
					.param("dir", "asc")
					.param("count", "true"))
			.andExpect(jsonPath("$.count").value(25))
			.andExpect(jsonPath("$.rows[0].receiptNumber").value("L01"))
			.andExpect(jsonPath("$.rows[1].receiptNumber").value("L03"))
			.andExpect(jsonPath("$.rows[0].districts[0]").value("安源区"));
	}

	@Test
	void handlersLedgerNeverHoldsACaseOutsideItsScope() throws Exception {
		perform("handler", get("/api/ledger").param("round", String.valueOf(this.round)).param("count", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(4))
			.andExpect(jsonPath("$.rows[*].receiptNumber")
				.value(org.hamcrest.Matchers.containsInAnyOrder("L01", "L02", "L03", "L04")));
		perform("handler",
				get("/api/ledger").param("round", String.valueOf(this.round))
					.param("unit", String.valueOf(this.cases.unitId("湘东区人民政府")))
					.param("count", "true"))
			.andExpect(jsonPath("$.count").value(1))
			.andExpect(jsonPath("$.rows[0].receiptNumber").value("L04"));

		List<Number> seen = new ArrayList<>();
		String after = null;
		do {
			MockHttpServletRequestBuilder request = get("/api/ledger");
			if (after != null) {
				request.param("after", after);
			}
			String page = body(perform("handler", request).andExpect(status().isOk()));
			seen.addAll(JsonPath.read(page, "$.rows[*].id"));
			after = JsonPath.read(page, "$.next");
		}
		while (after != null);
		assertThat(seen).isNotEmpty();
		for (Number id : seen) {
			assertThat(this.jdbc.sql("select count(*) from petition_assignment where petition_id = ? and unit_id = ?")
				.params(id.longValue(), this.bureau)
				.query(Long.class)
				.single()).as("case %s involves the bureau", id).isPositive();
		}
	}

	@Test
	void noLedgerRowOutsideTheOfficeHoldsTheComplainant() throws Exception {
		perform("office", get("/api/ledger").param("round", String.valueOf(this.round)).param("receipt", "L05"))
			.andExpect(jsonPath("$.rows[0].complaint").value(containsString(PHONE)))
			.andExpect(content().string(not(containsString(NAME))));
		for (String login : new String[] { "xiangdong", "xiabu", "leader" }) {
			perform(login, get("/api/ledger").param("round", String.valueOf(this.round)).param("receipt", "L05"))
				.andExpect(jsonPath("$.rows", hasSize(1)))
				.andExpect(jsonPath("$.rows[0].complaint").value(containsString("举报人电话")))
				.andExpect(content().string(not(containsString(PHONE))))
				.andExpect(content().string(not(containsString(NAME))));
		}
	}

	@Test
	void unreadableParametersAreBadRequestsAndOnlyCaseReadersMayAsk() throws Exception {
		perform("office", get("/api/ledger").param("verdict", "MAYBE")).andExpect(status().isBadRequest());
		perform("office", get("/api/ledger").param("count", "perhaps")).andExpect(status().isBadRequest());
		perform("auditor", get("/api/ledger")).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/ledger")).andExpect(status().isUnauthorized());
	}

}
