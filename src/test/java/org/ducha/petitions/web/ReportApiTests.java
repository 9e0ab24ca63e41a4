package org.ducha.petitions.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import org.ducha.petitions.HandlingReport;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The handling report, contributions and evidence through the JSON API: the whole path
 * from the first draft to approval, scope and roles, problems in both languages with
 * nothing written, edit conflicts, and no complainant outside the office.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class ReportApiTests {

	private static final String FINDINGS = "经现场核查，举报基本属实。该陶瓷厂隧道窑脱硫设施运行不正常。";

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
			'D', 'R' };

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

	int numbers;

	@BeforeEach
	void newRound() {
		this.cases = new HandledCases(this.users, this.rounds, this.petitions, this.queries, this.reports, this.jdbc,
				this.clock);
	}

	private long caseWithTownship() {
		return this.cases.assigned("D3JX20261121010" + (++this.numbers), true);
	}

	private long caseOfBureauAlone() {
		return this.cases.assigned("D3JX20261121020" + (++this.numbers), false);
	}

	private ResultActions perform(String login, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(Demo.as(this.users, login)).with(csrf()));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	/** A complete report as JSON; {@code version} is {@code null} for a new version. */
	private static String report(Long version, String findings) {
		return """
				{"version": %s, "findings": "%s", "verdict": "基本属实",
				 "handling": "责令该厂立即停产整改，拟处罚款7.93万元。", "accountability": "约谈企业负责人。",
				 "personsAccountable": 1, "finesWan": 7.93, "casesFiled": 1, "detentions": 0,
				 "enterprisesRectify": 1, "enterprisesClosed": 0,
				 "enterpriseSide": "企业脱硫设施不正常运行。", "regulatorSide": "分局日常巡查不到位。",
				 "completion": "CLOSED"}""".formatted(version, findings);
	}

	private static long number(ResultActions result, String path) throws Exception {
		return ((Number) JsonPath.read(body(result), path)).longValue();
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void reportGoesFromFirstDraftThroughReturnAndSupplementToApproval() throws Exception {
		long id = caseWithTownship();
		String base = "/api/petitions/" + id;
		perform("handler", get(base + "/report")).andExpect(status().isOk())
			.andExpect(jsonPath("$.caseStatus").value("ASSIGNED"))
			.andExpect(jsonPath("$.latest").value(nullValue()))
			.andExpect(jsonPath("$.mayWrite").value(true));

		ResultActions created = perform("handler", json(put(base + "/report"), report(null, FINDINGS)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", base + "/report/versions/1"))
			.andExpect(jsonPath("$.versionNumber").value(1))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.verdict").value("MOSTLY_TRUE"))
			.andExpect(jsonPath("$.verdictTerm").value("基本属实"))
			.andExpect(jsonPath("$.finesWan").value(7.93));
		long draft = number(created, "$.version");

		ResultActions submitted = perform("handler",
				json(post(base + "/report/submit"), "{\"version\": %d}".formatted(draft)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.submittedAt").value(notNullValue()));

		perform("office", get(base + "/report")).andExpect(jsonPath("$.caseStatus").value("REPORTED"))
			.andExpect(jsonPath("$.mayReview").value(true));
		ResultActions returned = perform("office",
				json(post(base + "/report/return"),
						"{\"version\": %d, \"comment\": \"请补充夜间监测数据。\"}".formatted(number(submitted, "$.version"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.report.status").value("RETURNED"))
			.andExpect(jsonPath("$.report.reviewComment").value("请补充夜间监测数据。"));
		Instant due = Instant.parse(JsonPath.read(body(returned), "$.supplementDueAt"));
		assertThat(due).isAfter(this.clock.instant());

		ResultActions supplement = perform("handler",
				json(put(base + "/report"), report(null, FINDINGS + "11月20日夜间监测，二氧化硫浓度超标0.8倍。")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", base + "/report/versions/2"));
		ResultActions resubmitted = perform("handler",
				json(post(base + "/report/submit"), "{\"version\": %d}".formatted(number(supplement, "$.version"))))
			.andExpect(status().isOk());
		perform("office",
				json(post(base + "/report/approve"),
						"{\"version\": %d, \"comment\": \"同意。\"}".formatted(number(resubmitted, "$.version"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.versionNumber").value(2));

		perform("leader", get(base + "/report")).andExpect(status().isOk())
			.andExpect(jsonPath("$.caseStatus").value("APPROVED"))
			.andExpect(jsonPath("$.versions[*].status").value(org.hamcrest.Matchers.contains("RETURNED", "APPROVED")))
			.andExpect(jsonPath("$.mayWrite").value(false));
		perform("leader", get(base + "/report/versions/1")).andExpect(jsonPath("$.findings").value(FINDINGS));
		perform("leader", get(base + "/report/changes")).andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(1))
			.andExpect(jsonPath("$.to").value(2))
			.andExpect(jsonPath("$.fields[0].field").value("findings"))
			.andExpect(jsonPath("$.fields[0].lines[?(@.kind == 'ADDED')].text")
				.value(org.hamcrest.Matchers.contains("11月20日夜间监测，二氧化硫浓度超标0.8倍。")));
		perform("leader", get(base + "/report/versions/3")).andExpect(status().isNotFound());
	}

	@Test
	void twoClientsSaveTheSameDraftTheSecondGetsAConflictAndTheFirstTextStays() throws Exception {
		long id = caseWithTownship();
		String base = "/api/petitions/" + id;
		perform("handler", json(put(base + "/report"), report(null, FINDINGS))).andExpect(status().isCreated());
		long read = number(perform("handler", get(base + "/report")), "$.latest.version");
		long readAgain = number(perform("handler", get(base + "/report")), "$.latest.version");
		assertThat(readAgain).isEqualTo(read);

		long saved = number(
				perform("handler", json(put(base + "/report"), report(read, "第一位同事的核查情况。"))).andExpect(status().isOk()),
				"$.version");
		assertThat(saved).isNotEqualTo(read);
		perform("handler", json(put(base + "/report"), report(readAgain, "第二位同事的核查情况。")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].code").value("error.conflict"))
			.andExpect(jsonPath("$.errors[0].zh").value(notNullValue()))
			.andExpect(jsonPath("$.errors[0].en").value(notNullValue()));

		perform("handler", get(base + "/report")).andExpect(jsonPath("$.latest.findings").value("第一位同事的核查情况。"))
			.andExpect(jsonPath("$.versions", hasSize(1)));
	}

	@Test
	void staleVersionOnReviewIsAConflictAndTheReportStaysSubmitted() throws Exception {
		long id = caseWithTownship();
		HandlingReport submitted = this.cases.submitted(id);
		perform("office", json(post("/api/petitions/" + id + "/report/approve"),
				"{\"version\": %d}".formatted(submitted.rowVersion() + 1)))
			.andExpect(status().isConflict());
		perform("office", json(post("/api/petitions/" + id + "/report/approve"), "{\"comment\": \"同意。\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(jsonPath("$.errors[0].code").value("api.version.required"));
		perform("office", get("/api/petitions/" + id + "/report"))
			.andExpect(jsonPath("$.latest.status").value("SUBMITTED"));
	}

	@Test
	void handlerCannotReviewWhatTheOfficeDecides() throws Exception {
		long id = caseWithTownship();
		HandlingReport submitted = this.cases.submitted(id);
		perform("handler", json(post("/api/petitions/" + id + "/report/approve"),
				"{\"version\": %d}".formatted(submitted.rowVersion())))
			.andExpect(status().isForbidden());
		perform("handler",
				json(post("/api/petitions/" + id + "/report/return"),
						"{\"version\": %d, \"comment\": \"退回\"}".formatted(submitted.rowVersion())))
			.andExpect(status().isForbidden());
		perform("office", json(put("/api/petitions/" + id + "/report"), report(null, FINDINGS)))
			.andExpect(status().isForbidden());
		perform("office", get("/api/petitions/" + id + "/report")).andExpect(jsonPath("$.caseStatus").value("REPORTED"))
			.andExpect(jsonPath("$.latest.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.latest.findings").value(submitted.findings()));
	}

	@Test
	void handlerOutsideTheCaseIsRefusedEveryRead() throws Exception {
		long id = caseOfBureauAlone();
		this.cases.submitted(id);
		String base = "/api/petitions/" + id;
		for (String path : new String[] { "/report", "/report/versions/1", "/report/changes?from=1&to=1",
				"/contributions", "/evidence" }) {
			perform("xiabu", get(base + path)).andExpect(status().isForbidden());
		}
		perform("xiabu", json(post(base + "/contributions"), "{\"text\": \"协办意见\"}")).andExpect(status().isForbidden());
		perform("xiabu",
				multipart(base + "/evidence").file(new MockMultipartFile("file", "photo.png", "image/png", PNG)))
			.andExpect(status().isForbidden());
		perform("office", get(base + "/contributions")).andExpect(jsonPath("$", hasSize(0)));
		perform("office", get(base + "/evidence")).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void coUnitMayNotWriteTheLeadUnitsReport() throws Exception {
		long id = caseWithTownship();
		perform("xiabu", json(put("/api/petitions/" + id + "/report"), report(null, FINDINGS)))
			.andExpect(status().isForbidden());
		perform("xiabu", get("/api/petitions/" + id + "/report")).andExpect(status().isOk())
			.andExpect(jsonPath("$.latest").value(nullValue()))
			.andExpect(jsonPath("$.mayWrite").value(false))
			.andExpect(jsonPath("$.mayContribute").value(true));
	}

	@Test
	void invalidDraftIsRefusedInBothLanguagesAndNothingIsSaved() throws Exception {
		long id = caseWithTownship();
		String negative = report(null, FINDINGS).replace("\"personsAccountable\": 1", "\"personsAccountable\": -1");
		perform("handler", json(put("/api/petitions/" + id + "/report"), negative))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("personsAccountable"))
			.andExpect(jsonPath("$.errors[0].code").value("handling.report.personsAccountable.negative"))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString("问责")))
			.andExpect(jsonPath("$.errors[0].en").value(containsString("held accountable")));
		String unknownVerdict = report(null, FINDINGS).replace("基本属实", "大概属实");
		perform("handler", json(put("/api/petitions/" + id + "/report"), unknownVerdict))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("verdict"))
			.andExpect(jsonPath("$.errors[0].code").value("api.choice.unknown"))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString("大概属实")))
			.andExpect(
					jsonPath("$.errors[0].en").value(containsString("is not one of the choices: TRUE, MOSTLY_TRUE")));
		perform("handler", get("/api/petitions/" + id + "/report")).andExpect(jsonPath("$.latest").value(nullValue()))
			.andExpect(jsonPath("$.versions", hasSize(0)));
	}

	@Test
	void submittingAnIncompleteDraftNamesEveryMissingPartAndLeavesItADraft() throws Exception {
		long id = caseWithTownship();
		String base = "/api/petitions/" + id;
		long version = number(perform("handler", json(put(base + "/report"), "{\"findings\": \"" + FINDINGS + "\"}"))
			.andExpect(status().isCreated()), "$.version");
		perform("handler", json(post(base + "/report/submit"), "{\"version\": %d}".formatted(version)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("verdict", "handling",
					"accountability", "personsAccountable", "finesWan", "casesFiled", "detentions",
					"enterprisesRectify", "enterprisesClosed", "completion")))
			.andExpect(jsonPath("$.errors[0].zh").value(notNullValue()))
			.andExpect(jsonPath("$.errors[0].en").value(notNullValue()));
		perform("handler", get(base + "/report")).andExpect(jsonPath("$.caseStatus").value("ASSIGNED"))
			.andExpect(jsonPath("$.latest.status").value("DRAFT"));
	}

	@Test
	void coUnitContributesAndEveryReaderOfTheCaseReadsIt() throws Exception {
		long id = caseWithTownship();
		String base = "/api/petitions/" + id;
		ResultActions added = perform("xiabu", json(post(base + "/contributions"), "{\"text\": \"下埠镇已督促企业停产。\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.unitName").value(HandledCases.XIABU))
			.andExpect(jsonPath("$.text").value("下埠镇已督促企业停产。"));
		long contribution = number(added, "$.id");
		added.andExpect(header().string("Location", base + "/contributions/" + contribution));
		perform("handler", get(base + "/contributions/" + contribution)).andExpect(status().isOk())
			.andExpect(jsonPath("$.writtenBy").value("xiabu"));
		perform("handler", json(post(base + "/contributions"), "{\"text\": \"牵头单位不是协办单位\"}"))
			.andExpect(status().isForbidden());
		perform("xiabu", json(post(base + "/contributions"), "{\"text\": \" \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		perform("leader", get(base + "/contributions")).andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void evidenceIsRecognisedByItsContentAndRefusedInBothLanguagesWhenItIsNotAnAcceptedKind() throws Exception {
		long id = caseWithTownship();
		String base = "/api/petitions/" + id;
		ResultActions attached = perform("xiabu",
				multipart(base + "/evidence").file(new MockMultipartFile("file", "现场照片.png", "text/plain", PNG)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("现场照片.png"))
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andExpect(jsonPath("$.sizeBytes").value(PNG.length))
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/evidence/")));
		long file = number(attached, "$.id");

		perform("handler",
				multipart(base + "/evidence").file(new MockMultipartFile("file", "整改报告.png", "image/png",
						"这不是图片".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].code").value("handling.evidence.typeRefused"))
			.andExpect(jsonPath("$.errors[0].zh").value(notNullValue()))
			.andExpect(jsonPath("$.errors[0].en").value(notNullValue()));
		perform("office", multipart(base + "/evidence").file(new MockMultipartFile("file", "a.png", "image/png", PNG)))
			.andExpect(status().isForbidden());

		perform("leader", get(base + "/evidence")).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(file))
			.andExpect(jsonPath("$[0].download").value(endsWith("/evidence/" + file)));
	}

	@Test
	void noResponseToAnyoneButTheOfficeHoldsTheComplainant() throws Exception {
		long id = caseWithTownship();
		String base = "/api/petitions/" + id;
		perform("xiabu", json(post(base + "/contributions"), "{\"text\": \"下埠镇已督促企业停产。\"}"))
			.andExpect(status().isCreated());
		this.cases.submitted(id);
		String[] paths = { "/report", "/report/versions/1", "/report/changes?from=1&to=1", "/contributions",
				"/evidence" };
		for (String login : new String[] { "handler", "xiabu", "xiangdong", "leader" }) {
			for (String path : paths) {
				perform(login, get(base + path)).andExpect(status().isOk())
					.andExpect(content().string(not(containsString(HandledCases.COMPLAINANT))))
					.andExpect(content().string(not(containsString(HandledCases.PHONE))));
			}
		}
	}

}
