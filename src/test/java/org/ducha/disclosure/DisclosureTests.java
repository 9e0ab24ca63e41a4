package org.ducha.disclosure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.ducha.petitions.Completion;
import org.ducha.petitions.HandlingReport;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.ReportDraft;
import org.ducha.petitions.Verdict;
import org.ducha.rounds.RoundManagement;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.RuleViolation;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A batch's disclosure table shows approved cases only, with personal numbers redacted
 * and no complainant; published versions never change and corrections say what changed.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class DisclosureTests {

	private static final String FINDINGS = "经调查，举报基本属实。该厂负责人电话13800001111，现场检查时脱硫设施未正常运行。";

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
	HandlingReports reports;

	@Autowired
	Disclosures disclosures;

	@Autowired
	Clock clock;

	private long batchId;

	private static int cases = 0;

	@BeforeEach
	void newBatch() {
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

	/**
	 * Registers, assigns, reports and approves a case of the batch; office signed in
	 * after.
	 */
	private long approvedCase() {
		return approvedCase(FINDINGS);
	}

	private long approvedCase(String findings) {
		String number = "D3JX2026112100" + String.format("%02d", ++cases);
		long id = this.petitions.register(this.batchId, Cases.airComplaint(number, this.clock.instant()));
		this.petitions.assign(id, this.queries.petition(id).version(), unitId("萍乡市生态环境局"), List.of(),
				List.of(unitId("湘东区人民政府")));
		Demo.signIn(this.users, "handler");
		HandlingReport saved = this.reports.saveDraft(id, null,
				new ReportDraft(findings, Verdict.MOSTLY_TRUE, "责令停产整改，立案查处，罚款7.93万元。", "约谈企业负责人。", 0,
						new BigDecimal("7.93"), 1, 0, 1, 0, "企业超标排放。", "日常巡查不到位。", Completion.CLOSED, null));
		HandlingReport submitted = this.reports.submit(id, saved.rowVersion());
		Demo.signIn(this.users, "office");
		this.reports.approve(id, submitted.rowVersion(), null);
		return id;
	}

	private String receiptNumber(long id) {
		return this.queries.petition(id).receiptNumber();
	}

	private static final String NAMED_FINDINGS = "经调查，举报基本属实。该厂负责人张建国（企业值班电话13800001111）称脱硫设施检修中，" + "执法人员已对张建国进行约谈。";

	@Test
	void theOfficeKeepsANumberThatIsNotPersonalAndItIsPublishedAsWritten() {
		long id = approvedCase(NAMED_FINDINGS);
		DisclosureDecision kept = this.disclosures.keepNumber(this.batchId, receiptNumber(id), "findings",
				"13800001111", "企业对外公布的值班电话，不是个人号码。");
		assertThat(kept.action()).isEqualTo(DisclosureDecision.Action.KEEP);
		assertThat(kept.occurrences()).isEqualTo(1);
		assertThat(kept.decidedBy()).isEqualTo("office");
		TableDraft draft = this.disclosures.draft(this.batchId);
		assertThat(draft.rows().get(0).findings()).contains("企业值班电话13800001111");
		assertThat(draft.rows().get(0).complaint()).contains("请联系我***********");
		assertThat(draft.redactions()).extracting(Redaction::found).containsExactly("13907990001");
		long table = this.disclosures.publish(this.batchId, 0, null);
		assertThat(this.disclosures.table(table).rows().get(0).findings()).contains("企业值班电话13800001111");
		String journaled = this.jdbc.sql("""
				select data from journal_entry where subject_type = 'batch' and subject_id = ?
				  and event_type = 'DisclosureNumberKept'""")
			.param(String.valueOf(this.batchId))
			.query(String.class)
			.single();
		assertThat(journaled).contains("13800001111").contains("企业对外公布的值班电话").contains("MOBILE");
	}

	@Test
	void wordsHiddenByHandAreHiddenWhereverTheyOccurInTheColumnAndNotJournaled() {
		long id = approvedCase(NAMED_FINDINGS);
		DisclosureDecision hidden = this.disclosures.redactByHand(this.batchId, receiptNumber(id), "findings", "张建国",
				"企业负责人的姓名。");
		assertThat(hidden.occurrences()).isEqualTo(2);
		assertThat(hidden.shown()).isEqualTo("***");
		TableDraft draft = this.disclosures.draft(this.batchId);
		assertThat(draft.rows().get(0).findings()).doesNotContain("张建国")
			.contains("该厂负责人***（企业值班电话***********）")
			.contains("对***进行约谈");
		assertThat(draft.redactions()).filteredOn((r) -> !r.automatic())
			.singleElement()
			.satisfies((r) -> assertThat(r.kind()).isEqualTo(Redaction.BY_HAND));
		long table = this.disclosures.publish(this.batchId, 0, null);
		assertThat(this.disclosures.table(table).rows().get(0).findings()).doesNotContain("张建国");
		String journaled = this.jdbc.sql("""
				select data from journal_entry where subject_type = 'batch' and subject_id = ?
				  and event_type = 'DisclosureTextRedacted'""")
			.param(String.valueOf(this.batchId))
			.query(String.class)
			.single();
		assertThat(journaled).contains("企业负责人的姓名").doesNotContain("张建国");
	}

	@Test
	void aWithdrawnDecisionAppliesNoLongerButThePublishedVersionStaysAsItWas() {
		long id = approvedCase(NAMED_FINDINGS);
		DisclosureDecision kept = this.disclosures.keepNumber(this.batchId, receiptNumber(id), "findings",
				"13800001111", "企业对外公布的值班电话。");
		long first = this.disclosures.publish(this.batchId, 0, null);
		this.disclosures.withdrawDecision(this.batchId, kept.id());
		TableDraft draft = this.disclosures.draft(this.batchId);
		assertThat(draft.decisions()).isEmpty();
		assertThat(draft.rows().get(0).findings()).doesNotContain("13800001111");
		assertThat(draft.changes().changed()).containsExactly(receiptNumber(id));
		assertThat(this.disclosures.table(first).rows().get(0).findings()).contains("13800001111");
		assertThatThrownBy(() -> this.disclosures.withdrawDecision(this.batchId, kept.id()))
			.isInstanceOf(NotFound.class);
	}

	@Test
	void aDecisionNamesTheFieldThatIsWrong() {
		long id = approvedCase(NAMED_FINDINGS);
		assertThatThrownBy(
				() -> this.disclosures.keepNumber(this.batchId, receiptNumber(id), "findings", "12345678", " "))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.problems())
						.extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
						.containsExactlyInAnyOrder(tuple("reason", "disclosure.decision.reason.required"),
								tuple("number", "disclosure.keep.number.notFound")));
		assertThatThrownBy(
				() -> this.disclosures.redactByHand(this.batchId, "D3JX2099010100", "remarks", "李四", "举报人姓名。"))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.problems()).extracting(InvalidInput.Problem::field)
						.containsExactlyInAnyOrder("receiptNumber", "column"));
		assertThatThrownBy(
				() -> this.disclosures.redactByHand(this.batchId, receiptNumber(id), "findings", "李四", "举报人姓名。"))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.problems()).extracting(InvalidInput.Problem::code)
						.containsExactly("disclosure.redact.text.notFound"));
		this.disclosures.redactByHand(this.batchId, receiptNumber(id), "findings", "张建国", "企业负责人的姓名。");
		assertThatThrownBy(
				() -> this.disclosures.redactByHand(this.batchId, receiptNumber(id), "findings", "张建国", "再隐去一次。"))
			.hasMessageContaining("disclosure.redact.already");
		assertThat(this.disclosures.draft(this.batchId).decisions()).hasSize(1);
	}

	@Test
	void previewListsEveryRedactionAndLeavesUnapprovedCasesOut() {
		approvedCase();
		this.petitions.register(this.batchId, Cases.waterComplaint("D3JX2026112199", this.clock.instant()));
		TableDraft draft = this.disclosures.draft(this.batchId);
		assertThat(draft.rows()).singleElement().satisfies((row) -> {
			assertThat(row.complaint()).contains("请联系我***********").doesNotContain("13907990001");
			assertThat(row.findings()).contains("***********").doesNotContain("13800001111");
			assertThat(row.verdict()).isEqualTo("基本属实");
			assertThat(row.regions()).isEqualTo("湘东区");
		});
		assertThat(draft.redactions()).extracting(Redaction::found).containsExactly("13907990001", "13800001111");
		assertThat(draft.notYetApproved()).containsExactly("D3JX2026112199");
	}

	@Test
	void thePublicReadsThePublishedTableWithoutSigningInAndNeverTheComplainant() throws Exception {
		approvedCase();
		long table = this.disclosures.publish(this.batchId, 0, null);
		this.mvc.perform(get("/public/disclosures/" + table))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请联系我***********")))
			.andExpect(content().string(not(containsString("13907990001"))))
			.andExpect(content().string(not(containsString("13800001111"))))
			.andExpect(content().string(not(containsString("王某某"))));
		byte[] xlsx = this.mvc.perform(get("/public/disclosures/" + table + ".xlsx"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("交办问题基本情况");
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).contains("请联系我***********");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
		}
		this.mvc.perform(get("/public/disclosures"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("边督边改公开情况一览表")));
	}

	@Test
	void aPublishedVersionNeverChangesAndACorrectionSaysWhatChanged() {
		approvedCase();
		long first = this.disclosures.publish(this.batchId, 0, null);
		assertThatThrownBy(() -> this.disclosures.publish(this.batchId, 1, "再发一次")).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("disclosure.unchanged");
		approvedCase();
		assertThatThrownBy(() -> this.disclosures.publish(this.batchId, 1, " ")).isInstanceOf(InvalidInput.class);
		long second = this.disclosures.publish(this.batchId, 1, "补充公开第二件的办理结果。");
		assertThat(this.disclosures.table(first).rows()).hasSize(1);
		PublishedTable corrected = this.disclosures.table(second);
		assertThat(corrected.version()).isEqualTo(2);
		assertThat(corrected.rows()).hasSize(2);
		assertThat(this.disclosures.changes(corrected).added()).hasSize(1);
	}

	@Test
	void twoPublishersOfTheSameVersionDoNotBothSucceed() {
		approvedCase();
		this.disclosures.publish(this.batchId, 0, null);
		approvedCase();
		assertThatThrownBy(() -> this.disclosures.publish(this.batchId, 0, null)).isInstanceOf(EditConflict.class);
	}

	@Test
	void nothingApprovedCannotBePublished() {
		assertThatThrownBy(() -> this.disclosures.publish(this.batchId, 0, null))
			.hasMessageContaining("disclosure.nothingApproved");
	}

	@Test
	void theKeepPageShowsTheNumberInContextAndAsksForAReason() throws Exception {
		String receipt = receiptNumber(approvedCase(NAMED_FINDINGS));
		String preview = "/batches/" + this.batchId + "/disclosure";
		this.mvc.perform(get(preview + "/keep").param("r", "1").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13800001111")))
			.andExpect(content().string(containsString("企业值班电话13800001111")));
		this.mvc
			.perform(post(preview + "/keep").param("receiptNumber", receipt)
				.param("column", "findings")
				.param("number", "13800001111")
				.param("reason", "")
				.with(Demo.as(this.users, "office"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请写明理由。")))
			.andExpect(content().string(containsString("href=\"#reason\"")));
		Demo.signIn(this.users, "office");
		assertThat(this.disclosures.draft(this.batchId).decisions()).isEmpty();
		this.mvc
			.perform(post(preview + "/keep").param("receiptNumber", receipt)
				.param("column", "findings")
				.param("number", "13800001111")
				.param("reason", "企业对外公布的值班电话。")
				.with(Demo.as(this.users, "handler"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(preview + "/keep").param("receiptNumber", receipt)
				.param("column", "findings")
				.param("number", "13800001111")
				.param("reason", "企业对外公布的值班电话。")
				.with(Demo.as(this.users, "office"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(preview));
		Demo.signIn(this.users, "office");
		assertThat(this.disclosures.draft(this.batchId).kept()).singleElement()
			.satisfies((d) -> assertThat(d.written()).isEqualTo("13800001111"));
	}

	@Test
	void theRedactPageNamesWordsThatAreNotInTheText() throws Exception {
		String receipt = receiptNumber(approvedCase(NAMED_FINDINGS));
		String preview = "/batches/" + this.batchId + "/disclosure";
		this.mvc.perform(get(preview + "/redact").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(receipt)));
		this.mvc
			.perform(post(preview + "/redact").param("receiptNumber", receipt)
				.param("column", "findings")
				.param("text", "李四")
				.param("reason", "举报人姓名。")
				.with(Demo.as(this.users, "office"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该栏目中没有“李四”这段文字")));
		this.mvc
			.perform(post(preview + "/redact").param("receiptNumber", receipt)
				.param("column", "findings")
				.param("text", "张建国")
				.param("reason", "企业负责人的姓名。")
				.with(Demo.as(this.users, "office"))
				.with(csrf()))
			.andExpect(redirectedUrl(preview));
		this.mvc.perform(get(preview).with(Demo.as(this.users, "office")))
			.andExpect(content().string(containsString("企业负责人的姓名。")))
			.andExpect(content().string(containsString("该厂负责人***")));
	}

	@Test
	void onlyTheOfficePreviewsAndPublishes() throws Exception {
		this.mvc.perform(get("/batches/" + this.batchId + "/disclosure").with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/batches/" + this.batchId + "/disclosure").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk());
	}

}
