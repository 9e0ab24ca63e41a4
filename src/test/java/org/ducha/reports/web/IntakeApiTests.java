package org.ducha.reports.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Part;

import com.jayway.jsonpath.JsonPath;
import org.ducha.petitions.IntakeField;
import org.ducha.reports.BatchIntake;
import org.ducha.reports.HeldImport;
import org.ducha.reports.TestWorkbooks;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ducha.reports.TestWorkbooks.batch;
import static org.ducha.reports.TestWorkbooks.row;
import static org.ducha.reports.TestWorkbooks.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The office imports a batch workbook through the JSON API: all rows or none with every
 * problem named by row and column in both languages, a repeated import adds nothing, and
 * a file above the limit is a JSON 413 whether the application or the container refuses
 * it.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class IntakeApiTests {

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

	private long batchId;

	@BeforeEach
	void createBatch() {
		Demo.signIn(this.users, "office");
		long round = Cases.round(this.rounds);
		this.batchId = Cases.batch(this.rounds, round, 2, this.clock.instant().minus(Duration.ofHours(2)));
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private long casesOfBatch() {
		return this.jdbc.sql("select count(*) from petition where batch_id = ?")
			.param(this.batchId)
			.query(Long.class)
			.single();
	}

	private ResultActions upload(byte[] workbook, String login) throws Exception {
		return this.mvc.perform(multipart("/api/batches/" + this.batchId + "/import")
			.file(new MockMultipartFile("file", "第2批交办信访件.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
			.with(csrf())
			.with(Demo.as(this.users, login)));
	}

	@Test
	void goodWorkbookImportsEveryRowAndTheSameFileAgainAddsNothing() throws Exception {
		byte[] workbook = batch(row("D3JX202405090001", "夜间噪声扰民"), row("D3JX202405090002", "废水直排河道"));
		upload(workbook, "office").andExpect(status().isOk())
			.andExpect(jsonPath("$.batchId").value(this.batchId))
			.andExpect(jsonPath("$.imported").value(2))
			.andExpect(jsonPath("$.alreadyPresent").value(0))
			.andExpect(jsonPath("$.importedReceiptNumbers")
				.value(containsInAnyOrder("D3JX202405090001", "D3JX202405090002")))
			.andExpect(content().string(not(containsString("张三"))))
			.andExpect(content().string(not(containsString("13800138000"))));
		assertThat(casesOfBatch()).isEqualTo(2);
		upload(workbook, "office").andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.alreadyPresent").value(2))
			.andExpect(jsonPath("$.alreadyPresentReceiptNumbers")
				.value(containsInAnyOrder("D3JX202405090001", "D3JX202405090002")));
		assertThat(casesOfBatch()).isEqualTo(2);
	}

	@Test
	void brokenWorkbookAnswersEveryProblemByRowAndColumnInBothLanguagesAndImportsNothing() throws Exception {
		upload(batch(row("D3JX202405090001", "夜间噪声扰民"),
				with(row("D3JX202405090002", "废水直排"), IntakeField.REGIONS, "湘西区"),
				with(row("D3JX202405090003", "烟尘"), IntakeField.CHANNEL, "传真"),
				with(row("D3JX202405090004", "异味"), IntakeField.TRANSFERRED_AT, "昨天上午")), "office")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:ducha:intake.rejected"))
			.andExpect(jsonPath("$.titleZh").value("发现 3 处问题，没有导入任何信访件。"))
			.andExpect(jsonPath("$.title").value("3 problems found; no case was imported."))
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].column").value(hasItem("行政区域")))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].field").value(hasItem("regions")))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].value").value(hasItem("湘西区")))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].zh").value(hasItem(containsString("没有这个行政区域"))))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].en").value(hasItem(containsString("region"))))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].column").value(hasItem("来源")))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].code").value(hasItem("intake.term.unknown")))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].column").value(hasItem("交办时间")))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].code").value(hasItem("intake.dateTime.invalid")));
		assertThat(casesOfBatch()).isZero();
	}

	@Test
	void aBrokenPublishedTableIsAnsweredWithEveryProblemOfEveryRowAtOnce() throws Exception {
		upload(TestWorkbooks.titled("第2批交办信访件", with(row("见附件", "夜间噪声扰民"), IntakeField.POLLUTION_TYPES, "不详"),
				with(row("30号", "废水直排"), IntakeField.REGIONS, "宜春市湘东区"),
				with(with(row("30 号*", "烟尘"), IntakeField.CHANNEL, "传真"), IntakeField.REGIONS, "360402")), "office")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(6))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].code")
				.value(containsInAnyOrder("intake.receiptNumber.format", "intake.term.unknown")))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].code").value(contains("intake.region.wrongParent")))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].zh").value(hasItem(containsString("萍乡市"))))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].en").value(hasItem(containsString("萍乡市"))))
			.andExpect(jsonPath("$.errors[?(@.row == 6)].code").value(containsInAnyOrder(
					"intake.receiptNumber.duplicate", "intake.term.unknown", "intake.region.unknown")));
		assertThat(casesOfBatch()).isZero();
	}

	@Test
	void threeImportsOfTheSameFileAtOnceRegisterItOnceAndTheOthersAreToldSo() throws Exception {
		List<Object>[] rows = manyRows(200);
		byte[] workbook = batch(rows);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return upload(workbook, "office").andReturn().getResponse();
			}));
		}
		start.countDown();
		List<MockHttpServletResponse> responses = new ArrayList<>();
		for (Future<MockHttpServletResponse> answer : answers) {
			responses.add(answer.get(2, TimeUnit.MINUTES));
		}
		pool.shutdown();
		assertThat(responses).extracting(MockHttpServletResponse::getStatus).isSubsetOf(200, 409);
		assertThat(responses).filteredOn((r) -> r.getStatus() == 200)
			.extracting((r) -> JsonPath.<Integer>read(r.getContentAsString(), "$.imported"))
			.containsOnlyOnce(200)
			.isSubsetOf(200, 0);
		for (MockHttpServletResponse loser : responses) {
			if (loser.getStatus() == 409) {
				String body = loser.getContentAsString(StandardCharsets.UTF_8);
				assertThat(JsonPath.<String>read(body, "$.errors[0].code")).isEqualTo("intake.inProgress");
				assertThat(JsonPath.<String>read(body, "$.errors[0].zh")).contains("正在导入");
				assertThat(JsonPath.<String>read(body, "$.errors[0].en")).contains("being imported");
			}
		}
		assertThat(casesOfBatch()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(distinct receipt_number) from petition where batch_id = ?")
			.param(this.batchId)
			.query(Long.class)
			.single()).isEqualTo(200);
	}

	@Test
	void anImportWhileAnotherIsRegisteringTheRoundsCasesIs409InBothLanguagesAndWritesNothing() throws Exception {
		byte[] workbook = batch(manyRows(3));
		try (HeldImport held = HeldImport.of(this.transactions, this.intake, this.users, this.batchId, workbook)) {
			upload(workbook, "office").andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("urn:ducha:intake.inProgress"))
				.andExpect(jsonPath("$.errors[0].row").value(0))
				.andExpect(jsonPath("$.errors[0].code").value("intake.inProgress"))
				.andExpect(jsonPath("$.errors[0].zh").value(containsString("第2批")))
				.andExpect(jsonPath("$.errors[0].en").value(containsString("batch 2")));
			held.commit();
		}
		assertThat(casesOfBatch()).isEqualTo(3);
		upload(workbook, "office").andExpect(status().isOk()).andExpect(jsonPath("$.alreadyPresent").value(3));
	}

	@SuppressWarnings("unchecked")
	static List<Object>[] manyRows(int count) {
		List<Object>[] rows = new List[count];
		for (int i = 0; i < count; i++) {
			rows[i] = row(String.format("D3JX2024050900%02d%02d", i / 100, i % 100), "第" + (i + 1) + "件：夜间噪声扰民");
		}
		return rows;
	}

	@Test
	void theComplainantsColumnsNeverCarryTheirValueBack() throws Exception {
		upload(batch(with(row("D3JX202405090001", "噪声"), IntakeField.COMPLAINANT_PHONE, "李四电话138")), "office")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("举报人电话"))
			.andExpect(jsonPath("$.errors[0].code").value("intake.phone.format"))
			.andExpect(jsonPath("$.errors[0].value").value(nullValue()))
			.andExpect(content().string(not(containsString("李四"))))
			.andExpect(content().string(not(containsString("张三"))));
		assertThat(casesOfBatch()).isZero();
	}

	@Test
	void aChangedRowUnderAStoredReceiptNumberIsAConflictAndChangesNothing() throws Exception {
		upload(batch(row("D3JX202405090001", "夜间噪声扰民")), "office").andExpect(status().isOk());
		upload(batch(row("D3JX202405090001", "夜间噪声扰民（内容已改）"), row("D3JX202405090002", "废水")), "office")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].code").value("intake.conflict"));
		assertThat(casesOfBatch()).isEqualTo(1);
	}

	@Test
	void aFileThatIsNotAWorkbookOrNoFileIsAProblemOfTheWholeFile() throws Exception {
		upload("not a workbook".getBytes(), "office").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(0))
			.andExpect(jsonPath("$.errors[0].column").value(nullValue()))
			.andExpect(jsonPath("$.errors[0].code").value("intake.file.notSpreadsheet"))
			.andExpect(jsonPath("$.errors[0].en").value(containsString("This is not an Excel workbook (.xlsx)")));
		this.mvc
			.perform(multipart("/api/batches/" + this.batchId + "/import").with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("intake.file.missing"))
			.andExpect(jsonPath("$.errors[0].zh").value("请选择要上传的文件。"));
		assertThat(casesOfBatch()).isZero();
	}

	@Test
	void aFileAboveTheLimitIsAJson413WithTheLimitInBothLanguages() throws Exception {
		byte[] large = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(batch(row("D3JX202405090001", "噪声")), 0, large, 0, 100);
		upload(large, "office").andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].code").value("intake.file.tooLarge"))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString("超过上限 20.0 MB")))
			.andExpect(jsonPath("$.errors[0].en").value(containsString("more than the limit of 20.0 MB")));
		assertThat(casesOfBatch()).isZero();
	}

	@Test
	void aFileTheContainerRefusesAsTooLargeIsAJson413ForTheApiAndTheFormForThePage() throws Exception {
		this.mvc
			.perform(new RefusedUpload("/api/batches/" + this.batchId + "/import").with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].code").value("intake.file.tooLarge"))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString("超过上限 20.0 MB")))
			.andExpect(jsonPath("$.errors[0].en").value(containsString("more than the limit of 20.0 MB")));
		this.mvc
			.perform(new RefusedUpload("/batches/" + this.batchId + "/import").with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(view().name("reports/import"));
		this.mvc
			.perform(new RefusedUpload("/api/batches/" + this.batchId + "/import").with(csrf())
				.with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anEvidenceFileTheContainerRefusesIsAJson413ForTheApiAndAnExplainedErrorPageForThePage() throws Exception {
		this.mvc
			.perform(new RefusedUpload("/api/petitions/1/evidence").with(csrf()).with(Demo.as(this.users, "handler")))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].code").value("handling.evidence.tooLarge"))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].zh").value(containsString("20")))
			.andExpect(jsonPath("$.errors[0].en").value(containsString("20")));
		this.mvc
			.perform(new RefusedUpload("/petitions/1/evidence").with(csrf())
				.with(Demo.as(this.users, "handler"))
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isContentTooLarge());
	}

	@Test
	void nobodyButTheOfficeImports() throws Exception {
		for (String login : List.of("handler", "xiabu", "leader")) {
			upload(batch(row("D3JX202405090001", "噪声")), login).andExpect(status().isForbidden());
		}
		assertThat(casesOfBatch()).isZero();
	}

	@Test
	void anUnknownBatchIsNotFound() throws Exception {
		this.mvc
			.perform(multipart("/api/batches/987654321/import")
				.file(new MockMultipartFile("file", "x.xlsx", null, batch(row("D3JX202405090001", "噪声"))))
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].code").value("api.notFound"));
	}

	/**
	 * A multipart upload that the servlet container refuses while parsing it, as Tomcat
	 * does above {@code spring.servlet.multipart.max-file-size}: MockMvc's own multipart
	 * requests skip the parsing, so the refusal is made here with Tomcat's words.
	 */
	static final class RefusedUpload extends AbstractMockHttpServletRequestBuilder<RefusedUpload> {

		RefusedUpload(String path) {
			super(HttpMethod.POST);
			uri(path);
			contentType("multipart/form-data; boundary=ducha");
			content(new byte[1024]);
		}

		@Override
		protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
			return new MockHttpServletRequest(servletContext) {

				@Override
				public Collection<Part> getParts() {
					throw new IllegalStateException(
							"The field file exceeds its maximum permitted size of 22020096 bytes.");
				}

			};
		}

	}

}
