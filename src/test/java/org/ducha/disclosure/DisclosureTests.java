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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
		String number = "D3JX2026112100" + String.format("%02d", ++cases);
		long id = this.petitions.register(this.batchId, Cases.airComplaint(number, this.clock.instant()));
		this.petitions.assign(id, this.queries.petition(id).version(), unitId("萍乡市生态环境局"), List.of(),
				List.of(unitId("湘东区人民政府")));
		Demo.signIn(this.users, "handler");
		HandlingReport saved = this.reports.saveDraft(id, null,
				new ReportDraft(FINDINGS, Verdict.MOSTLY_TRUE, "责令停产整改，立案查处，罚款7.93万元。", "约谈企业负责人。", 0,
						new BigDecimal("7.93"), 1, 0, 1, 0, "企业超标排放。", "日常巡查不到位。", Completion.CLOSED, null));
		HandlingReport submitted = this.reports.submit(id, saved.rowVersion());
		Demo.signIn(this.users, "office");
		this.reports.approve(id, submitted.rowVersion(), null);
		return id;
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
	void onlyTheOfficePreviewsAndPublishes() throws Exception {
		this.mvc.perform(get("/batches/" + this.batchId + "/disclosure").with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/batches/" + this.batchId + "/disclosure").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk());
	}

}
