package org.ducha.petitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ducha.rounds.RoundManagement;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Intake, assignment, transfer requests and the protection of the complainant, through
 * the services and the pages.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class PetitionTests {

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

	private long unitId(String name) {
		return this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	private long register(String number) {
		return this.petitions.register(this.batchId, Cases.airComplaint(number, this.clock.instant()));
	}

	private long caseOfEnvironmentBureau() {
		long id = register("D3JX202611210001");
		this.petitions.assign(id, 0, unitId("萍乡市生态环境局"), List.of(), List.of(unitId("湘东区人民政府")));
		return id;
	}

	@Test
	void complainantIsStoredSealedNeverInClear() {
		long id = register("D3JX202611210001");
		String stored = this.jdbc.sql("select complainant_name || complainant_phone from petition where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("A1:").doesNotContain("王某某").doesNotContain("13907990001");
		assertThat(this.petitions.revealComplainant(id, "回访核实满意度")).isEqualTo(new Complainant("王某某", "13907990001"));
	}

	@Test
	void revealingTheComplainantIsJournaledWithTheReason() {
		long id = register("D3JX202611210001");
		this.petitions.revealComplainant(id, "回访核实满意度");
		String data = this.jdbc.sql("""
				select data from journal_entry where subject_type = 'petition' and subject_id = ?
				  and event_type = 'ComplainantRevealed'""").param(String.valueOf(id)).query(String.class).single();
		assertThat(data).contains("回访核实满意度").doesNotContain("13907990001");
	}

	@Test
	void revealNeedsAReason() {
		long id = register("D3JX202611210001");
		assertThatThrownBy(() -> this.petitions.revealComplainant(id, " ")).isInstanceOf(InvalidInput.class);
	}

	@Test
	void handlerOfTheLeadUnitSeesTheCaseMasked() throws Exception {
		long id = caseOfEnvironmentBureau();
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请联系我***********")))
			.andExpect(content().string(not(containsString("13907990001"))))
			.andExpect(content().string(not(containsString("王某某"))));
	}

	@Test
	void handlersAndLeadersSeeEveryKindOfPersonalNumberMasked() throws Exception {
		String complaint = "渣土车赣J·12345夜间倾倒，举报人Tel１３９－０７９９－０００２，座机（0799）6661235，"
				+ "邮箱zhang.san@163.com，身份证36012419711215294X。";
		long id = this.petitions.register(this.batchId,
				new NewPetition("D3JX202611210009", this.clock.instant(), Channel.PHONE, Priority.ORDINARY, complaint,
						"某渣土运输公司", "湘东区峡山口街", List.of("360313"), Set.of(PollutionType.SOLID_WASTE), null, "王某某",
						"13907990002"));
		this.petitions.assign(id, 0, unitId("萍乡市生态环境局"), List.of(), List.of(unitId("湘东区人民政府")));
		String masked = "渣土车赣J·*****夜间倾倒，举报人Tel***－****－****，座机（****）*******，"
				+ "邮箱*****.***@163.com，身份证******************。";
		for (String reader : List.of("handler", "leader")) {
			this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, reader)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(masked)))
				.andExpect(content().string(not(containsString("12345"))))
				.andExpect(content().string(not(containsString("zhang.san"))));
			this.mvc.perform(get("/api/petitions/" + id).with(Demo.as(this.users, reader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.petition.complaint").value(masked));
		}
		this.mvc.perform(get("/api/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(jsonPath("$.petition.complaint").value(complaint));
	}

	@Test
	void handlerOutsideTheCaseIsRefusedByPageAndApi() throws Exception {
		long id = caseOfEnvironmentBureau();
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "xiabu"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/petitions/" + id).with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/batches/" + this.batchId + "/petitions").with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void apiErrorsNameTheProblemInBothLanguages() throws Exception {
		this.mvc.perform(get("/api/petitions/987654321").with(Demo.as(this.users, "office")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].code").value("api.notFound"))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString("找不到")))
			.andExpect(jsonPath("$.errors[0].en").value(containsString("Not found")));
		this.mvc.perform(get("/api/petitions/abc").with(Demo.as(this.users, "office")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("api.unreadable"));
	}

	@Test
	void territorialGovernmentAboveTheTownshipSeesTheCase() throws Exception {
		long id = caseOfEnvironmentBureau();
		this.mvc.perform(get("/api/petitions/" + id).with(Demo.as(this.users, "xiangdong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.petition.receiptNumber").value("D3JX202611210001"))
			.andExpect(jsonPath("$.petition.complaint").value(not(containsString("13907990001"))))
			.andExpect(content().string(not(containsString("王某某"))));
	}

	@Test
	void auditorCannotReadCases() throws Exception {
		long id = caseOfEnvironmentBureau();
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "auditor")))
			.andExpect(status().isForbidden());
	}

	@Test
	void officeSeesTheComplaintUnmaskedButTheComplainantOnlyAfterReveal() throws Exception {
		long id = caseOfEnvironmentBureau();
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请联系我13907990001")))
			.andExpect(content().string(not(containsString("王某某"))));
		this.mvc
			.perform(post("/petitions/" + id + "/complainant").param("reason", "回访核实满意度")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("王某某")));
	}

	@Test
	void handlerCannotRevealTheComplainant() throws Exception {
		long id = caseOfEnvironmentBureau();
		this.mvc
			.perform(post("/petitions/" + id + "/complainant").param("reason", "想知道")
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
	}

	@Test
	void assigningWithAStaleVersionIsAConflict() {
		long id = register("D3JX202611210001");
		this.petitions.assign(id, 0, unitId("萍乡市生态环境局"), List.of(), List.of());
		assertThatThrownBy(() -> this.petitions.assign(id, 0, unitId("湘东区人民政府"), List.of(), List.of()))
			.isInstanceOf(EditConflict.class);
		assertThat(this.queries.petition(id).leadUnitId()).isEqualTo(unitId("萍乡市生态环境局"));
	}

	@Test
	void assigningManyIsAllOrNothing() {
		long first = register("D3JX202611210001");
		long second = register("D3JX202611210002");
		assertThatThrownBy(() -> this.petitions.assignMany(List.of(first, second), unitId("萍乡市生态环境局"),
				List.of(unitId("萍乡市生态环境局")), List.of(), BulkAssignment.Replacing.NONE))
			.isInstanceOf(InvalidInput.class);
		this.petitions.assignMany(List.of(first, second), unitId("萍乡市生态环境局"), List.of(unitId("萍乡市水利局")),
				List.of(unitId("湘东区人民政府")), BulkAssignment.Replacing.NONE);
		assertThat(this.queries.assignments(List.of(first, second)).get(second)).extracting(Assignment::role)
			.containsExactlyInAnyOrder(AssignmentRole.LEAD, AssignmentRole.CO, AssignmentRole.TERRITORIAL);
	}

	@Test
	void bulkAssignmentKeepsTheUnitsOfCasesAssignedOneByOne() {
		long byHand = register("D3JX202611210001");
		long fresh = register("D3JX202611210002");
		this.petitions.assign(byHand, 0, unitId("萍乡市生态环境局"), List.of(unitId("萍乡市水利局")), List.of(unitId("湘东区人民政府")));
		BulkAssignment outcome = this.petitions.assignMany(List.of(byHand, fresh), unitId("湘东区人民政府"), List.of(),
				List.of(), BulkAssignment.Replacing.NONE);
		assertThat(outcome.assigned()).extracting(BulkAssignment.Case::receiptNumber)
			.containsExactly("D3JX202611210002");
		assertThat(outcome.kept()).singleElement()
			.satisfies((kept) -> assertThat(kept.receiptNumber()).isEqualTo("D3JX202611210001"))
			.satisfies((kept) -> assertThat(kept.lead()).isEqualTo("萍乡市生态环境局"))
			.satisfies((kept) -> assertThat(kept.reason()).isEqualTo(BulkAssignment.Reason.ALREADY_ASSIGNED));
		assertThat(outcome.replaced()).isEmpty();
		assertThat(this.queries.assignments(List.of(byHand)).get(byHand)).extracting(Assignment::unitName)
			.containsExactlyInAnyOrder("萍乡市生态环境局", "萍乡市水利局", "湘东区人民政府");
		assertThat(this.queries.petition(fresh).leadUnitId()).isEqualTo(unitId("湘东区人民政府"));
	}

	@Test
	void bulkAssignmentReplacesOnlyConfirmedCasesStillAtTheVersionShown() {
		long byHand = register("D3JX202611210001");
		long fresh = register("D3JX202611210002");
		this.petitions.assign(byHand, 0, unitId("萍乡市生态环境局"), List.of(unitId("萍乡市水利局")), List.of(unitId("湘东区人民政府")));
		BulkAssignment preview = this.petitions.previewAssignMany(List.of(byHand, fresh), unitId("湘东区人民政府"), List.of(),
				List.of());
		assertThat(preview.replaced()).singleElement().satisfies((change) -> {
			assertThat(change.oldLead()).isEqualTo("萍乡市生态环境局");
			assertThat(change.newLead()).isEqualTo("湘东区人民政府");
			assertThat(change.coDropped()).containsExactly("萍乡市水利局");
			assertThat(change.territorialDropped()).containsExactly("湘东区人民政府");
		});
		assertThat(this.queries.petition(byHand).leadUnitId()).as("a preview writes nothing")
			.isEqualTo(unitId("萍乡市生态环境局"));
		long shown = preview.replaced().get(0).version();
		this.petitions.assign(byHand, shown, unitId("萍乡市生态环境局"), List.of(), List.of());
		assertThatThrownBy(() -> this.petitions.assignMany(List.of(byHand, fresh), unitId("湘东区人民政府"), List.of(),
				List.of(), BulkAssignment.Replacing.confirmed(Map.of(byHand, shown))))
			.isInstanceOf(EditConflict.class);
		assertThat(this.queries.petition(fresh).status()).as("all or nothing").isEqualTo(PetitionStatus.REGISTERED);
		long now = this.queries.petition(byHand).version();
		BulkAssignment outcome = this.petitions.assignMany(List.of(byHand, fresh), unitId("湘东区人民政府"), List.of(),
				List.of(), BulkAssignment.Replacing.confirmed(Map.of(byHand, now)));
		assertThat(outcome.replaced()).extracting(BulkAssignment.Change::receiptNumber)
			.containsExactly("D3JX202611210001");
		assertThat(this.queries.petition(byHand).leadUnitId()).isEqualTo(unitId("湘东区人民政府"));
		String journaled = this.jdbc
			.sql("select data from journal_entry where subject_type = 'petition' and subject_id = ?"
					+ " and event_type = 'PetitionAssigned' order by seq desc fetch first 1 rows only")
			.param(String.valueOf(byHand))
			.query(String.class)
			.single();
		assertThat(journaled).contains("\"previous\"").contains("萍乡市生态环境局").contains("\"bulk\":true");
	}

	@Test
	void bulkAssignmentLeavesUnconfirmedAssignedCasesAlone() {
		long byHand = register("D3JX202611210001");
		this.petitions.assign(byHand, 0, unitId("萍乡市生态环境局"), List.of(), List.of());
		BulkAssignment outcome = this.petitions.assignMany(List.of(byHand), unitId("湘东区人民政府"), List.of(), List.of(),
				BulkAssignment.Replacing.confirmed(Map.of()));
		assertThat(outcome.kept()).extracting(BulkAssignment.Kept::reason)
			.containsExactly(BulkAssignment.Reason.ALREADY_ASSIGNED);
		assertThat(this.queries.petition(byHand).leadUnitId()).isEqualTo(unitId("萍乡市生态环境局"));
	}

	@Test
	void aHandOverIsAskedByTheUnitAndDecidedByTheOffice() {
		long id = caseOfEnvironmentBureau();
		Demo.signIn(this.users, "handler");
		long request = this.petitions.requestTransfer(id, unitId("萍乡市水利局"), "属于河道管理职责，建议由水利局主办。");
		assertThatThrownBy(() -> this.petitions.decideTransfer(request, true, unitId("萍乡市水利局"), null))
			.isInstanceOf(AccessDeniedException.class);
		Demo.signIn(this.users, "office");
		this.petitions.decideTransfer(request, true, unitId("萍乡市水利局"), "同意");
		assertThat(this.queries.petition(id).leadUnitId()).isEqualTo(unitId("萍乡市水利局"));
		assertThat(this.queries.transferRequests(id)).singleElement()
			.extracting(TransferRequest::decision)
			.isEqualTo("ACCEPTED");
	}

	@Test
	void aUnitNotOnTheCaseCannotAskToHandItOver() {
		long id = caseOfEnvironmentBureau();
		Demo.signIn(this.users, "xiabu");
		assertThatThrownBy(() -> this.petitions.requestTransfer(id, null, "不是本镇的事"))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aReceiptNumberCanBeRegisteredOnlyOnce() {
		register("D3JX202611210001");
		assertThatThrownBy(() -> register("D3JX202611210001")).isInstanceOf(InvalidInput.class)
			.extracting((e) -> ((InvalidInput) e).problems().get(0).code())
			.isEqualTo("intake.receiptNumber.exists");
	}

	@Test
	void aReceiptNumberWrittenOtherwiseByHandIsTheSameNumber() {
		register("〔2026〕15号");
		for (String otherwise : List.of("〔2026〕 15号*", "[2026]15号", "〔２０２６〕１５号")) {
			assertThatThrownBy(() -> register(otherwise)).as(otherwise)
				.isInstanceOf(InvalidInput.class)
				.extracting((e) -> ((InvalidInput) e).problems().get(0).code())
				.isEqualTo("intake.receiptNumber.exists");
		}
		assertThat(this.jdbc.sql("select receipt_number from petition where batch_id = ?")
			.param(this.batchId)
			.query(String.class)
			.list()).containsExactly("〔2026〕15号");
	}

	@Test
	void aBatchIsReceivedOnce() {
		this.petitions.receiveBatch(this.batchId);
		assertThatThrownBy(() -> this.petitions.receiveBatch(this.batchId))
			.hasMessageContaining("batch.alreadyReceived");
	}

	@Test
	void handEntryFormShowsEveryProblem() throws Exception {
		long before = this.jdbc.sql("select count(*) from petition").query(Long.class).single();
		this.mvc
			.perform(post("/batches/" + this.batchId + "/petitions").param("receiptNumber", "")
				.param("transferredAt", "2026-11-21T09:30")
				.param("channel", "PHONE")
				.param("priority", "ORDINARY")
				.param("complaint", "")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#receiptNumber\"")))
			.andExpect(content().string(containsString("href=\"#complaint\"")))
			.andExpect(content().string(containsString("href=\"#regions\"")));
		assertThat(this.jdbc.sql("select count(*) from petition").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void pagesOfTheFlowRender() throws Exception {
		long id = caseOfEnvironmentBureau();
		this.mvc.perform(get("/batches/" + this.batchId).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("D3JX202611210001")));
		this.mvc.perform(get("/batches/" + this.batchId + "/petitions/new").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "leader"))).andExpect(status().isOk());
		this.mvc.perform(get("/rounds").with(Demo.as(this.users, "handler"))).andExpect(status().isOk());
	}

}
