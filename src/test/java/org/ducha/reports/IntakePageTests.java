package org.ducha.reports;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ducha.petitions.IntakeField;
import org.ducha.petitions.IntakeVocabulary;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ducha.reports.TestWorkbooks.batch;
import static org.ducha.reports.TestWorkbooks.row;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The office uploads a batch workbook and either lands on the batch with a banner or sees
 * every problem in a table; the template downloads with its drop-downs.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class IntakePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RoundManagement rounds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	BatchIntake intake;

	@Autowired
	IntakeVocabulary vocabulary;

	private long batchId;

	@BeforeEach
	void createBatch() {
		UserDetails user = this.users.loadUserByUsername("office");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			LocalDate today = LocalDate.now(this.clock);
			long round = this.rounds.createRound(RoundDraft.withDefaultPolicies("第三轮省级生态环境保护督察", RoundLevel.PROVINCIAL,
					"省第三督察组", "360300", today.minusDays(3), today.plusDays(27), "0799-1234567"));
			this.batchId = this.rounds.createBatch(round, 2, this.clock.instant().minus(Duration.ofHours(2)));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private long petitions() {
		return this.jdbc.sql("select count(*) from petition").query(Long.class).single();
	}

	private MockMultipartFile upload(byte[] content) {
		return new MockMultipartFile("file", "第2批交办信访件.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
	}

	@Test
	void goodFileRedirectsToTheBatchWithCounts() throws Exception {
		long before = petitions();
		this.mvc
			.perform(multipart("/batches/" + this.batchId + "/import")
				.file(upload(batch(row("D3JX202405090001", "噪声"), row("D3JX202405090002", "废水"))))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/batches/" + this.batchId))
			.andExpect(flash().attribute("banner", "intake.imported"))
			.andExpect(flash().attribute("bannerArgs", new Object[] { 2, 0 }));
		assertThat(petitions()).isEqualTo(before + 2);
	}

	@Test
	void refusedFileShowsEachProblemWithRowColumnValueAndReason() throws Exception {
		long before = petitions();
		this.mvc
			.perform(multipart("/batches/" + this.batchId + "/import")
				.file(upload(batch(TestWorkbooks.with(row("D1", "噪声"), IntakeField.REGIONS, "湘西区"))))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(view().name("reports/import"))
			.andExpect(content().string(containsString("湘西区")))
			.andExpect(content().string(containsString("行政区域")))
			.andExpect(content().string(containsString("没有这个行政区域")));
		assertThat(petitions()).isEqualTo(before);
	}

	@Test
	void problemsReadInEnglishToo() throws Exception {
		this.mvc
			.perform(multipart("/batches/" + this.batchId + "/import").file(upload("not a workbook".getBytes()))
				.param("lang", "en")
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This is not an Excel workbook (.xlsx)")))
			.andExpect(content().string(containsString("Whole file")));
	}

	@Test
	void uploadLargerThanTwentyMegabytesIsRefusedWithTheLimit() throws Exception {
		long before = petitions();
		byte[] large = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(batch(row("D1", "x")), 0, large, 0, 100);
		this.mvc
			.perform(multipart("/batches/" + this.batchId + "/import").file(upload(large))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("超过上限 20.0 MB")));
		assertThat(petitions()).isEqualTo(before);
	}

	@Test
	void anImportWhileAnotherIsInProgressShowsThePageWithTheReasonInEitherLanguage() throws Exception {
		byte[] file = batch(row("D3JX202405090001", "噪声"), row("D3JX202405090002", "废水"));
		try (HeldImport held = HeldImport.of(this.transactions, this.intake, this.users, this.batchId, file)) {
			this.mvc
				.perform(multipart("/batches/" + this.batchId + "/import").file(upload(file))
					.with(csrf())
					.with(Demo.as(this.users, "office")))
				.andExpect(status().isOk())
				.andExpect(view().name("reports/import"))
				.andExpect(content().string(containsString("正在导入")));
			this.mvc
				.perform(multipart("/batches/" + this.batchId + "/import").file(upload(file))
					.param("lang", "en")
					.with(csrf())
					.with(Demo.as(this.users, "office")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("being imported")));
			held.commit();
		}
		assertThat(this.jdbc.sql("select count(*) from petition where batch_id = ?")
			.param(this.batchId)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void handlerMayNeitherImportNorDownloadTheTemplate() throws Exception {
		this.mvc.perform(get("/batches/" + this.batchId + "/import").with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/intake-template.xlsx").with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		long before = petitions();
		this.mvc
			.perform(multipart("/batches/" + this.batchId + "/import").file(upload(batch(row("D1", "x"))))
				.with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
		assertThat(petitions()).isEqualTo(before);
	}

	@Test
	void officeSeesTheUploadFormWithTheTemplateLink() throws Exception {
		this.mvc.perform(get("/batches/" + this.batchId + "/import").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("/intake-template.xlsx")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void templateHasTheHeadingsDropDownsAnExampleThatImportsAndAHelpSheet() throws Exception {
		MvcResult result = this.mvc.perform(get("/intake-template.xlsx").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andReturn();
		byte[] file = result.getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			for (IntakeField field : IntakeField.values()) {
				assertThat(sheet.getRow(0).getCell(field.ordinal()).getStringCellValue()).isEqualTo(field.heading());
			}
			assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getDataValidations())
				.extracting((DataValidation v) -> v.getRegions().getCellRangeAddress(0).getFirstColumn())
				.containsExactlyInAnyOrder(IntakeField.CHANNEL.ordinal(), IntakeField.PRIORITY.ordinal(),
						IntakeField.REPEAT.ordinal());
			assertThat(workbook.getSheet("说明").getLastRowNum()).isGreaterThanOrEqualTo(IntakeField.values().length);
			List<String> help = new ArrayList<>();
			workbook.getSheet("说明").forEach((row) -> row.forEach((cell) -> help.add(cell.getStringCellValue())));
			assertThat(help).containsAll(this.vocabulary.pollutionTypeWords().keySet())
				.containsAll(this.vocabulary.channelWords().keySet())
				.contains("群众身边的生态环境问题", "网络举报");
		}
		long before = petitions();
		this.mvc
			.perform(multipart("/batches/" + this.batchId + "/import").file(upload(file))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(redirectedUrl("/batches/" + this.batchId));
		assertThat(petitions()).isEqualTo(before + 1);
	}

}
