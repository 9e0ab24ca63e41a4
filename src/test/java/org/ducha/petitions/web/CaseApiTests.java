package org.ducha.petitions.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Receiving, registering, assigning, transfer requests, the complainant's reveal and the
 * work queue through the JSON API, under the same roles, scope and masking as the pages.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class CaseApiTests {

	private static final String NAME = "王某某";

	private static final String PHONE = "13907990001";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoundManagement rounds;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	PetitionQueries queries;

	@Autowired
	Clock clock;

	private long roundId;

	private long batchId;

	@BeforeEach
	void createBatch() {
		Demo.signIn(this.users, "office");
		this.roundId = Cases.round(this.rounds);
		this.batchId = Cases.batch(this.rounds, this.roundId, 1, this.clock.instant().minus(Duration.ofHours(2)));
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private <T> T asOffice(Supplier<T> action) {
		Demo.signIn(this.users, "office");
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * An air complaint whose text carries the complainant's phone, with a complainant.
	 */
	private long register(String number) {
		return asOffice(() -> this.petitions.register(this.batchId, Cases.airComplaint(number, this.clock.instant())));
	}

	private long unitId(String name) {
		return this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * A case led by the environment bureau (handler) with 湘东区 (xiangdong) as territorial.
	 */
	private long caseOfEnvironmentBureau(String number) {
		long id = register(number);
		asOffice(() -> {
			this.petitions.assign(id, 0, unitId("萍乡市生态环境局"), List.of(), List.of(unitId("湘东区人民政府")));
			return null;
		});
		return id;
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private long journaled(long petitionId, String eventType) {
		return count("select count(*) from journal_entry where subject_type = 'petition' and subject_id = ?"
				+ " and event_type = ?", String.valueOf(petitionId), eventType);
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String login, String json) throws Exception {
		return this.mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(csrf())
			.with(Demo.as(this.users, login)));
	}

	private String statusOf(long petitionId) {
		return this.jdbc.sql("select status from petition where id = ?").param(petitionId).query(String.class).single();
	}

	@Test
	void officeRegistersACaseByHandAndTheComplainantIsSealedNeverEchoed() throws Exception {
		String location = send(post("/api/batches/" + this.batchId + "/petitions"), "office", """
				{"receiptNumber": "D3JX202611210007", "channel": "LETTER", "priority": "KEY",
				 "complaint": "芦溪县宣风镇某养殖场粪污直排袁河支流，河水发黑发臭。", "reportedObject": "宣风镇某生猪养殖场",
				 "regions": ["360323"], "pollutionTypes": ["WATER", "SOIL"],
				 "complainantName": "王某某", "complainantPhone": "13907990001"}""").andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/petitions/")))
			.andExpect(jsonPath("$.petition.receiptNumber").value("D3JX202611210007"))
			.andExpect(jsonPath("$.petition.status").value("REGISTERED"))
			.andExpect(jsonPath("$.petition.priority").value("KEY"))
			.andExpect(jsonPath("$.petition.pollutionTypes").value(containsInAnyOrder("WATER", "SOIL")))
			.andExpect(jsonPath("$.petition.complainantGiven").value(true))
			.andExpect(jsonPath("$.petition.transferredAt").value(notNullValue()))
			.andExpect(jsonPath("$.petition.version").value(0))
			.andExpect(content().string(not(containsString(NAME))))
			.andExpect(content().string(not(containsString(PHONE))))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String sealed = this.jdbc.sql("select complainant_name || complainant_phone from petition where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(sealed).doesNotContain(NAME).doesNotContain(PHONE);
		assertThat(journaled(id, "PetitionRegistered")).isEqualTo(1);
		this.mvc.perform(get(location).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(PHONE))));
	}

	@Test
	void brokenCaseIsRefusedFieldByFieldInBothLanguagesAndNothingIsRegistered() throws Exception {
		send(post("/api/batches/" + this.batchId + "/petitions"), "office", """
				{"receiptNumber": "D3JX202611210008", "channel": "PHONE", "priority": "ORDINARY", "complaint": " ",
				 "regions": ["360999"], "complainantName": "王某某", "complainantPhone": "电话13907990001"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'complaint')].zh").value(hasItem("必填，不能为空。")))
			.andExpect(jsonPath("$.errors[?(@.field == 'complaint')].en").value(hasItem(containsString("Required"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'regions')].code").value(hasItem("intake.region.unknown")))
			.andExpect(
					jsonPath("$.errors[?(@.field == 'complainantPhone')].code").value(hasItem("intake.phone.format")))
			.andExpect(content().string(not(containsString(PHONE))))
			.andExpect(content().string(not(containsString(NAME))));
		assertThat(count("select count(*) from petition where batch_id = ?", this.batchId)).isZero();
	}

	@Test
	void receivingTheBatchStartsTheReportClocksOnce() throws Exception {
		long id = register("D3JX202611210001");
		this.mvc
			.perform(post("/api/batches/" + this.batchId + "/receive").with(csrf()).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.receivedAt").value(notNullValue()))
			.andExpect(jsonPath("$.receivedBy").value("office"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get("/api/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(jsonPath("$.petition.clockKind").value("REPORT"));
		this.mvc
			.perform(post("/api/batches/" + this.batchId + "/receive").with(csrf()).with(Demo.as(this.users, "office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].zh").value("第1批已经签收过。"))
			.andExpect(jsonPath("$.errors[0].en").value(containsString("1")));
	}

	@Test
	void officeAssignsACaseWithTheVersionItReadAndAStaleVersionIsAConflict() throws Exception {
		long id = register("D3JX202611210001");
		long bureau = unitId("萍乡市生态环境局");
		long water = unitId("萍乡市水利局");
		long xiangdong = unitId("湘东区人民政府");
		send(put("/api/petitions/" + id + "/assignment"), "office",
				"""
						{"version": 0, "leadUnitId": %d, "coUnitIds": [%d], "territorialUnitIds": [%d]}"""
					.formatted(bureau, water, xiangdong))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.petition.status").value("ASSIGNED"))
			.andExpect(jsonPath("$.petition.leadUnitId").value(bureau))
			.andExpect(jsonPath("$.petition.version").value(1))
			.andExpect(jsonPath("$.assignments[?(@.role == 'LEAD')].unitName").value(hasItem("萍乡市生态环境局")))
			.andExpect(jsonPath("$.assignments[?(@.role == 'CO')].unitName").value(hasItem("萍乡市水利局")))
			.andExpect(jsonPath("$.assignments[?(@.role == 'TERRITORIAL')].unitName").value(hasItem("湘东区人民政府")));
		send(put("/api/petitions/" + id + "/assignment"), "office",
				"{\"version\": 0, \"leadUnitId\": %d}".formatted(xiangdong))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].code").value("error.conflict"))
			.andExpect(jsonPath("$.errors[0].zh").isNotEmpty())
			.andExpect(jsonPath("$.errors[0].en").isNotEmpty());
		assertThat(this.jdbc.sql("select lead_unit_id from petition where id = ?").param(id).query(Long.class).single())
			.isEqualTo(bureau);
		assertThat(journaled(id, "PetitionAssigned")).isEqualTo(1);
	}

	@Test
	void aBrokenAssignmentNamesEachProblemInBothLanguagesAndAssignsNothing() throws Exception {
		long id = register("D3JX202611210001");
		long bureau = unitId("萍乡市生态环境局");
		send(put("/api/petitions/" + id + "/assignment"), "office",
				"{\"version\": 0, \"coUnitIds\": [%d, 987654]}".formatted(bureau))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'leadUnitId')].code").value(hasItem("assign.lead.required")))
			.andExpect(jsonPath("$.errors[?(@.field == 'coUnitIds')].code").value(hasItem("assign.unit.unknown")))
			.andExpect(jsonPath("$.errors[0].zh").isNotEmpty())
			.andExpect(jsonPath("$.errors[0].en").isNotEmpty());
		send(put("/api/petitions/" + id + "/assignment"), "office", "{\"leadUnitId\": %d}".formatted(bureau))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		assertThat(statusOf(id)).isEqualTo("REGISTERED");
		assertThat(journaled(id, "PetitionAssigned")).isZero();
	}

	@Test
	void officeAssignsManyCasesOfTheBatchAtOnceOrNone() throws Exception {
		long first = register("D3JX202611210001");
		long second = register("D3JX202611210002");
		long otherBatch = asOffice(
				() -> Cases.batch(this.rounds, this.roundId, 2, this.clock.instant().minus(Duration.ofHours(1))));
		long stranger = asOffice(() -> this.petitions.register(otherBatch,
				Cases.waterComplaint("D3JX202611210003", this.clock.instant())));
		long bureau = unitId("萍乡市生态环境局");
		send(post("/api/batches/" + this.batchId + "/assignments"), "office",
				"{\"petitionIds\": [%d, %d], \"leadUnitId\": %d}".formatted(first, stranger, bureau))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("petitionIds"))
			.andExpect(jsonPath("$.errors[0].code").value("api.assign.notInBatch"))
			.andExpect(jsonPath("$.errors[0].zh").value("信访件 " + stranger + " 不属于第1批。"))
			.andExpect(jsonPath("$.errors[0].en").value("Case " + stranger + " is not in batch 1."));
		send(post("/api/batches/" + this.batchId + "/assignments"), "office",
				"{\"petitionIds\": [%d, %d], \"leadUnitId\": %d, \"coUnitIds\": [%d]}".formatted(first, second, bureau,
						bureau))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("coUnitIds"))
			.andExpect(jsonPath("$.errors[0].code").value("assign.co.isLead"));
		send(post("/api/batches/" + this.batchId + "/assignments"), "office", "{\"leadUnitId\": %d}".formatted(bureau))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("petitionIds"))
			.andExpect(jsonPath("$.errors[0].code").value("assign.noneChosen"));
		assertThat(List.of(statusOf(first), statusOf(second), statusOf(stranger))).containsOnly("REGISTERED");
		send(post("/api/batches/" + this.batchId + "/assignments"), "office",
				"{\"petitionIds\": [%d, %d], \"leadUnitId\": %d, \"territorialUnitIds\": [%d]}".formatted(first, second,
						bureau, unitId("湘东区人民政府")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assigned").value(2))
			.andExpect(jsonPath("$.cases[*].petition.status").value(containsInAnyOrder("ASSIGNED", "ASSIGNED")))
			.andExpect(jsonPath("$.cases[0].assignments.length()").value(2));
		assertThat(statusOf(stranger)).isEqualTo("REGISTERED");
	}

	@Test
	void bulkAssignmentSkipsAssignedCasesUnlessAskedToReplaceThemAndSaysWhatChanged() throws Exception {
		long assigned = caseOfEnvironmentBureau("D3JX202611210001");
		long fresh = register("D3JX202611210002");
		long water = unitId("萍乡市水利局");
		send(post("/api/batches/" + this.batchId + "/assignments"), "office",
				"{\"petitionIds\": [%d, %d], \"leadUnitId\": %d}".formatted(assigned, fresh, water))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assigned").value(1))
			.andExpect(jsonPath("$.newlyAssigned[0].receiptNumber").value("D3JX202611210002"))
			.andExpect(jsonPath("$.skipped[0].receiptNumber").value("D3JX202611210001"))
			.andExpect(jsonPath("$.skipped[0].leadUnit").value("萍乡市生态环境局"))
			.andExpect(jsonPath("$.skipped[0].reason").value("ALREADY_ASSIGNED"))
			.andExpect(jsonPath("$.replaced.length()").value(0));
		assertThat(this.jdbc.sql("select lead_unit_id from petition where id = ?")
			.param(assigned)
			.query(Long.class)
			.single()).isEqualTo(unitId("萍乡市生态环境局"));
		send(post("/api/batches/" + this.batchId + "/assignments"), "office",
				"{\"petitionIds\": [%d], \"leadUnitId\": %d, \"replaceAssigned\": true}".formatted(assigned, water))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assigned").value(0))
			.andExpect(jsonPath("$.replaced[0].previousLeadUnit").value("萍乡市生态环境局"))
			.andExpect(jsonPath("$.replaced[0].leadUnit").value("萍乡市水利局"))
			.andExpect(jsonPath("$.replaced[0].territorialUnitsDropped[0]").value("湘东区人民政府"));
		assertThat(this.jdbc.sql("select lead_unit_id from petition where id = ?")
			.param(assigned)
			.query(Long.class)
			.single()).isEqualTo(water);
	}

	@Test
	void handlerMayDoNoneOfTheOfficesWrites() throws Exception {
		long id = caseOfEnvironmentBureau("D3JX202611210001");
		long bureau = unitId("萍乡市生态环境局");
		long petitionsBefore = count("select count(*) from petition");
		send(post("/api/batches/" + this.batchId + "/petitions"), "handler", """
				{"receiptNumber": "D3JX202611210009", "channel": "PHONE", "priority": "ORDINARY",
				 "complaint": "噪声扰民", "regions": ["360313"]}""").andExpect(status().isForbidden());
		send(put("/api/petitions/" + id + "/assignment"), "handler",
				"{\"version\": 1, \"leadUnitId\": %d}".formatted(unitId("萍乡市水利局")))
			.andExpect(status().isForbidden());
		send(post("/api/batches/" + this.batchId + "/assignments"), "handler",
				"{\"petitionIds\": [%d], \"leadUnitId\": %d}".formatted(id, unitId("萍乡市水利局")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(
					post("/api/batches/" + this.batchId + "/receive").with(csrf()).with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/transfer-requests").with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		assertThat(count("select count(*) from petition")).isEqualTo(petitionsBefore);
		assertThat(this.jdbc.sql("select lead_unit_id from petition where id = ?").param(id).query(Long.class).single())
			.isEqualTo(bureau);
		assertThat(count("select count(*) from transfer_batch where id = ? and received_at is null", this.batchId))
			.isEqualTo(1);
	}

	@Test
	void assignableUnitsShowEachUnitsPartWithinTheReadersScope() throws Exception {
		long id = caseOfEnvironmentBureau("D3JX202611210001");
		this.mvc.perform(get("/api/petitions/" + id + "/assignable-units").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.status").value("ASSIGNED"))
			.andExpect(jsonPath("$.units[?(@.name == '萍乡市生态环境局')].role").value(hasItem("LEAD")))
			.andExpect(jsonPath("$.units[?(@.name == '湘东区人民政府')].role").value(hasItem("TERRITORIAL")))
			.andExpect(jsonPath("$.units[?(@.name == '萍乡市水利局')].kind").value(hasItem("DEPARTMENT")));
		this.mvc.perform(get("/api/petitions/" + id + "/assignable-units").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/petitions/" + id + "/assignable-units").with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theUnitAsksForATransferAndTheOfficeAcceptsIt() throws Exception {
		long id = caseOfEnvironmentBureau("D3JX202611210001");
		long water = unitId("萍乡市水利局");
		String location = send(post("/api/petitions/" + id + "/transfer-requests"), "handler",
				"{\"toUnitId\": %d, \"reason\": \"属于河道管理职责，建议由水利局主办。\"}".formatted(water))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/transfer-requests/")))
			.andExpect(jsonPath("$.decision").value("PENDING"))
			.andExpect(jsonPath("$.fromUnitName").value("萍乡市生态环境局"))
			.andExpect(jsonPath("$.toUnitName").value("萍乡市水利局"))
			.andExpect(jsonPath("$.requestedBy").value("handler"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		long request = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		this.mvc.perform(get("/api/transfer-requests?pending=true").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem((int) request)));
		this.mvc.perform(get("/api/work").with(Demo.as(this.users, "office")))
			.andExpect(jsonPath("$.transferRequests[*].id").value(hasItem((int) request)));
		send(post(location + "/decision"), "office",
				"{\"decision\": \"ACCEPT\", \"newLeadUnitId\": %d, \"note\": \"同意\"}".formatted(water))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("ACCEPTED"))
			.andExpect(jsonPath("$.decidedBy").value("office"))
			.andExpect(jsonPath("$.decisionNote").value("同意"));
		this.mvc.perform(get("/api/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(jsonPath("$.petition.leadUnitId").value(water));
		assertThat(journaled(id, "TransferAccepted")).isEqualTo(1);
	}

	@Test
	void transferRequestsAreRefusedOutsideTheCaseAndToTheOffice() throws Exception {
		long id = caseOfEnvironmentBureau("D3JX202611210001");
		send(post("/api/petitions/" + id + "/transfer-requests"), "xiabu", "{\"reason\": \"不是本镇的事\"}")
			.andExpect(status().isForbidden());
		send(post("/api/petitions/" + id + "/transfer-requests"), "office", "{\"reason\": \"代为申请\"}")
			.andExpect(status().isForbidden());
		send(post("/api/petitions/" + id + "/transfer-requests"), "handler", "{\"reason\": \" \"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].zh").isNotEmpty())
			.andExpect(jsonPath("$.errors[0].en").isNotEmpty());
		assertThat(count("select count(*) from transfer_request where petition_id = ?", id)).isZero();
	}

	@Test
	void aRejectionNeedsANoteAndADecisionMustBeNamed() throws Exception {
		long id = caseOfEnvironmentBureau("D3JX202611210001");
		String location = send(post("/api/petitions/" + id + "/transfer-requests"), "handler",
				"{\"reason\": \"不属于本局职责\"}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		send(post(location + "/decision"), "office", "{\"decision\": \"REJECT\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("note"))
			.andExpect(jsonPath("$.errors[0].code").value("transfer.note.required"))
			.andExpect(jsonPath("$.errors[0].zh").isNotEmpty())
			.andExpect(jsonPath("$.errors[0].en").isNotEmpty());
		send(post(location + "/decision"), "office", "{\"decision\": \"MAYBE\", \"note\": \"再议\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("decision"))
			.andExpect(jsonPath("$.errors[0].en").value("Decide ACCEPT or REJECT."));
		send(post(location + "/decision"), "handler", "{\"decision\": \"ACCEPT\"}").andExpect(status().isForbidden());
		this.mvc.perform(get(location).with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("PENDING"));
		send(post(location + "/decision"), "office", "{\"decision\": \"REJECT\", \"note\": \"职责明确，仍由环境局主办\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("REJECTED"));
		send(post(location + "/decision"), "office", "{\"decision\": \"REJECT\", \"note\": \"再次\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("transfer.alreadyDecided"));
	}

	@Test
	void officeRevealsTheComplainantWithAReasonAndTheRevealIsJournaled() throws Exception {
		long id = register("D3JX202611210001");
		send(post("/api/petitions/" + id + "/complainant/reveal"), "office", "{\"reason\": \"回访核实满意度\"}")
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.name").value(NAME))
			.andExpect(jsonPath("$.phone").value(PHONE));
		String entry = this.jdbc.sql("""
				select actor || ' ' || data from journal_entry
				where subject_type = 'petition' and subject_id = ? and event_type = 'ComplainantRevealed'""")
			.param(String.valueOf(id))
			.query(String.class)
			.single();
		assertThat(entry).startsWith("office ").contains("回访核实满意度").doesNotContain(PHONE).doesNotContain(NAME);
	}

	@Test
	void aRevealWithoutAReasonOrByAnyoneButTheOfficeIsRefusedAndNotJournaled() throws Exception {
		long id = caseOfEnvironmentBureau("D3JX202611210001");
		send(post("/api/petitions/" + id + "/complainant/reveal"), "office", "{\"reason\": \" \"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].zh").isNotEmpty())
			.andExpect(jsonPath("$.errors[0].en").isNotEmpty())
			.andExpect(content().string(not(containsString(NAME))));
		for (String login : List.of("handler", "xiangdong", "leader", "auditor")) {
			send(post("/api/petitions/" + id + "/complainant/reveal"), login, "{\"reason\": \"想知道是谁\"}")
				.andExpect(status().isForbidden())
				.andExpect(content().string(not(containsString(NAME))));
		}
		assertThat(journaled(id, "ComplainantRevealed")).isZero();
	}

	@Test
	void workQueueShowsTheCallersCasesMaskedOutsideTheOffice() throws Exception {
		long id = caseOfEnvironmentBureau("D3JX202611210001");
		this.mvc.perform(get("/api/work").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cases[*].petition.id").value(hasItem((int) id)))
			.andExpect(jsonPath("$.cases[0].petition.complaint").value(containsString("请联系我***********")))
			.andExpect(jsonPath("$.transferRequests.length()").value(0));
		this.mvc.perform(get("/work").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(PHONE.substring(0, 7)))));
		// Other test classes sharing this context may have given 下埠镇 cases of its own.
		this.mvc.perform(get("/api/work").with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cases[*].petition.id").value(not(hasItem((int) id))));
		this.mvc.perform(get("/api/work").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cases[?(@.petition.id == " + id + ")].petition.complaint")
				.value(hasItem(containsString("请联系我" + PHONE))));
		this.mvc.perform(get("/api/work").with(Demo.as(this.users, "auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void noComplainantNameOrPhoneReachesAnyoneButTheOffice() throws Exception {
		long id = caseOfEnvironmentBureau("D3JX202611210001");
		String request = send(post("/api/petitions/" + id + "/transfer-requests"), "handler",
				"{\"reason\": \"建议由湘东区主办\"}")
			.andExpect(content().string(not(containsString(PHONE))))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		List<String> reads = List.of("/api/petitions/" + id, "/api/batches/" + this.batchId + "/petitions", "/api/work",
				"/api/petitions/" + id + "/assignable-units", "/api/petitions/" + id + "/transfer-requests", request);
		for (String login : List.of("handler", "xiangdong", "leader")) {
			for (String path : reads) {
				this.mvc.perform(get(path).with(Demo.as(this.users, login)))
					.andExpect(status().isOk())
					.andExpect(content().string(not(containsString(NAME))))
					.andExpect(content().string(not(containsString(PHONE))));
			}
		}
	}

}
