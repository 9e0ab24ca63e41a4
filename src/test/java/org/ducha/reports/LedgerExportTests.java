package org.ducha.reports;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ducha.deadlines.ClockState;
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
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Excel export holds exactly the rows of the filtered ledger in the reader's scope,
 * never the complainant, with personal numbers in the complaint masked for everyone, and
 * each export is journaled.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class LedgerExportTests {

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

	@BeforeEach
	void setUp() {
		this.cases = new PetitionCases(this.rounds, this.petitions, this.queries, this.users, this.jdbc, this.clock);
		Instant day = this.clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		this.round = this.cases.round();
		long batch = this.cases.batch(this.round, 1);
		List<org.ducha.petitions.NewPetition> rows = new ArrayList<>();
		rows.add(PetitionCases.petition("E001", day, "360313", PollutionType.WATER, "河道发黑发臭，请联系13812345678核实。", "张三丰",
				"13900001111"));
		for (int i = 2; i <= 120; i++) {
			rows.add(PetitionCases.petition(String.format("E%03d", i), day.plusSeconds(i),
					(i % 2 == 0) ? "360313" : "360302"));
		}
		Map<String, Long> ids = this.cases.imported(batch, rows);
		this.cases.assign(ids.get("E001"), "萍乡市生态环境局");
		this.cases.assign(ids.get("E002"), "萍乡市生态环境局");
		this.cases.assign(ids.get("E003"), "萍乡市水利局");
		this.cases.clock(ids.get("E001"), "REPORT", ClockState.RED, day.plus(Duration.ofDays(1)));
	}

	private List<List<String>> export(String login, String query) throws Exception {
		MvcResult result = this.mvc
			.perform(get("/ledger.xlsx?round=" + this.round + query).with(Demo.as(this.users, login)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX))
			.andReturn();
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					cells.add(format.formatCellValue(cell));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static List<String> receipts(List<List<String>> sheet) {
		return sheet.stream().skip(1).map((row) -> row.get(1)).toList();
	}

	@Test
	void exportHoldsEveryFilteredRowUnderChineseHeadings() throws Exception {
		List<List<String>> sheet = export("office", "&region=360313&sort=receipt&dir=asc");
		assertThat(sheet.get(0)).containsExactly("序号", "受理编号", "批次", "交办时间", "来源", "重点/普通", "行政区域", "污染类型", "举报内容(摘要)",
				"主办单位", "状态", "是否属实", "办结情况", "时限状态", "到期时间");
		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= 120; i++) {
			if (i == 1 || i % 2 == 0) {
				expected.add(String.format("E%03d", i));
			}
		}
		assertThat(receipts(sheet)).containsExactlyElementsOf(expected);
		assertThat(sheet.get(1)).startsWith("1", "E001", "第1批");
		assertThat(sheet.get(1)).contains("湘东区", "水", "萍乡市生态环境局", "红 已超期，超期 2 天");
	}

	@Test
	void exportNeverHoldsTheComplainantAndMasksNumbersInTheComplaintEvenForTheOffice() throws Exception {
		List<List<String>> sheet = export("office", "&receipt=E001");
		assertThat(receipts(sheet)).containsExactly("E001");
		String all = sheet.toString();
		assertThat(all).doesNotContain("张三丰", "13900001111", "13812345678");
		assertThat(sheet.get(1).get(8)).isEqualTo("河道发黑发臭，请联系***********核实。");
	}

	@Test
	void handlerExportsOnlyCasesOfItsUnitsAndNothingForAnotherUnit() throws Exception {
		assertThat(receipts(export("handler", ""))).containsExactlyInAnyOrder("E001", "E002");
		long waterBureau = this.cases.unitId("萍乡市水利局");
		assertThat(receipts(export("handler", "&unit=" + waterBureau))).isEmpty();
		assertThat(receipts(export("office", "&unit=" + waterBureau))).containsExactly("E003");
	}

	@Test
	void exportIsJournaledWithItsFilterAndRowCount() throws Exception {
		export("handler", "&region=360302");
		String data = this.jdbc
			.sql("select data from journal_entry where event_type = 'LedgerExported' and actor = 'handler'"
					+ " order by seq desc fetch first 1 rows only")
			.query(String.class)
			.single();
		assertThat(data).contains("\"region\":\"360302\"", "\"round\":\"" + this.round + "\"", "\"rows\":0");
		export("office", "&region=360302");
		String office = this.jdbc
			.sql("select data from journal_entry where event_type = 'LedgerExported' and actor = 'office'"
					+ " order by seq desc fetch first 1 rows only")
			.query(String.class)
			.single();
		assertThat(office).contains("\"rows\":59");
	}

	@Test
	void exportFileIsNamedInChineseWithTheDate() throws Exception {
		this.mvc.perform(get("/ledger.xlsx").with(Demo.as(this.users, "office")))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.matchesPattern("attachment; filename=\"ledger-\\d{4}-\\d{2}-\\d{2}\\.xlsx\";"
							+ " filename\\*=UTF-8''%E5%8F%B0%E8%B4%A6-\\d{4}-\\d{2}-\\d{2}\\.xlsx")));
	}

	@Test
	void rolesWithoutCasesMayNotExport() throws Exception {
		this.mvc.perform(get("/ledger.xlsx").with(Demo.as(this.users, "auditor"))).andExpect(status().isForbidden());
	}

}
