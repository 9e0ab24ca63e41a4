package org.ducha.reports;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.ducha.petitions.ImportOutcome;
import org.ducha.petitions.IntakeField;
import org.ducha.petitions.IntakeProblem;
import org.ducha.petitions.IntakeRejected;
import org.ducha.petitions.NewPetition;
import org.ducha.petitions.PollutionType;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.ducha.reports.TestWorkbooks.batch;
import static org.ducha.reports.TestWorkbooks.row;
import static org.ducha.reports.TestWorkbooks.with;

/**
 * Importing a batch from its workbook: every problem of the file, its columns, its cells
 * and its cases against the stored ones is reported at once, and a refused file writes
 * nothing.
 */
@DatabaseTest
@TestPropertySource(properties = "ducha.demo=true")
class BatchWorkbookTests {

	@Autowired
	BatchIntake intake;

	@Autowired
	BatchWorkbook workbook;

	@Autowired
	RoundManagement rounds;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private long batchId;

	@BeforeEach
	void signInAndCreateBatch() {
		UserDetails user = this.users.loadUserByUsername("office");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		LocalDate today = LocalDate.now(this.clock);
		long round = this.rounds.createRound(RoundDraft.withDefaultPolicies("第三轮省级生态环境保护督察", RoundLevel.PROVINCIAL,
				"省第三督察组", "360300", today.minusDays(3), today.plusDays(27), "0799-1234567"));
		this.batchId = this.rounds.createBatch(round, 1, this.clock.instant().minus(Duration.ofHours(2)));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private long petitions() {
		return this.jdbc.sql("select count(*) from petition").query(Long.class).single();
	}

	private ImportOutcome importFile(byte[] file) {
		return this.intake.importWorkbook(this.batchId, new ByteArrayInputStream(file), file.length);
	}

	private List<IntakeProblem> refused(byte[] file) {
		long before = petitions();
		IntakeRejected rejected = catchThrowableOfType(IntakeRejected.class, () -> importFile(file));
		assertThat(rejected).as("the file is refused").isNotNull();
		assertThat(petitions()).as("nothing is written").isEqualTo(before);
		return rejected.problems();
	}

	@Test
	void goodFileImportsEveryRow() {
		long before = petitions();
		ImportOutcome outcome = importFile(batch(row("D3JX202405080001", "夜间噪声扰民"),
				with(row("D3JX202405080002", "废水直排河道"), IntakeField.REGIONS, "湘东区、360321"),
				with(with(row("D3JX202405080003", "又来反映噪声"), IntakeField.REPEAT, "是"), IntakeField.REPEAT_OF,
						"D3JX202405080001"),
				with(row("D3JX202405080004", "粉尘"), IntakeField.PRIORITY, "重点")));
		assertThat(outcome.imported()).hasSize(4);
		assertThat(outcome.unchanged()).isEmpty();
		assertThat(petitions()).isEqualTo(before + 4);
	}

	@Test
	void sameFileImportedAgainImportsNothingNew() {
		byte[] file = batch(row("D3JX202405080001", "夜间噪声扰民"), row("D3JX202405080002", "废水直排河道"));
		importFile(file);
		long before = petitions();
		ImportOutcome again = importFile(file);
		assertThat(again.imported()).isEmpty();
		assertThat(again.unchanged()).containsExactly("D3JX202405080001", "D3JX202405080002");
		assertThat(petitions()).isEqualTo(before);
	}

	@Test
	void changedRowWithAStoredReceiptNumberIsAConflict() {
		importFile(batch(row("D3JX202405080001", "夜间噪声扰民")));
		List<IntakeProblem> problems = refused(
				batch(row("D3JX202405080002", "新的一件"), row("D3JX202405080001", "夜间噪声扰民，已改过")));
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p.row()).isEqualTo(3);
			assertThat(p.field()).isEqualTo(IntakeField.RECEIPT_NUMBER);
			assertThat(p.code()).isEqualTo("intake.conflict");
		});
	}

	@Test
	void aPublishedTableWithATitleRowSynonymsRealReceiptNumbersCityPrefixesAndFullWidthTextImports() {
		byte[] file = TestWorkbooks.titled("第2批交办信访件（2024年5月8日）",
				with(with(with(row("30号", "夜间切割石材，噪声扰民"), IntakeField.CHANNEL, "电话"), IntakeField.REGIONS, "萍乡市湘东区"),
						IntakeField.POLLUTION_TYPES, "大气污染、噪音"),
				with(with(with(with(row("〔2024〕15号", "养殖场废水直排袁河支流"), IntakeField.CHANNEL, "信件"), IntakeField.REGIONS,
						"江西省萍乡市芦溪县"), IntakeField.POLLUTION_TYPES, "水 大气"), IntakeField.TRANSFERRED_AT,
						"２０２４年５月８日　９：３０"),
				with(with(row("D3JX 2024 0508 0003*", "工地夜间施工，扬尘大"), IntakeField.CHANNEL, "网络举报"),
						IntakeField.POLLUTION_TYPES, "扬尘/其他污染"),
				with(with(with(with(row("Ｄ３ＪＸ２０２４０５０８０００４", "又来反映石材厂噪声"), IntakeField.POLLUTION_TYPES, "群众身边的生态环境问题"),
						IntakeField.REGIONS, "莲花县"), IntakeField.REPEAT, "是"), IntakeField.REPEAT_OF, "30 号"),
				with(with(with(row("D3JX202405080005", "河水发黑发臭"), IntakeField.POLLUTION_TYPES, "水污染"),
						IntakeField.REGIONS, "萍乡市上栗县"), IntakeField.COMPLAINANT_PHONE, "１３８００１３８０００"));
		ImportOutcome outcome = importFile(file);
		assertThat(outcome.imported()).containsExactly("30号", "〔2024〕15号", "D3JX 2024 0508 0003*", "Ｄ３ＪＸ２０２４０５０８０００４",
				"D3JX202405080005");
		assertThat(stored("30号")).isEqualTo("PHONE 360313 AIR,NOISE");
		assertThat(stored("〔2024〕15号")).isEqualTo("LETTER 360323 AIR,WATER");
		assertThat(stored("D3JX 2024 0508 0003*")).isEqualTo("ONLINE 360313 AIR,OTHER");
		assertThat(stored("Ｄ３ＪＸ２０２４０５０８０００４")).isEqualTo("PHONE 360321 OTHER");
		assertThat(stored("D3JX202405080005")).isEqualTo("PHONE 360322 WATER");
		assertThat(this.jdbc
			.sql("select r.receipt_number from petition p join petition r on r.id = p.repeat_of_id"
					+ " where p.receipt_number = ?")
			.param("Ｄ３ＪＸ２０２４０５０８０００４")
			.query(String.class)
			.single()).isEqualTo("30号");
		assertThat(this.jdbc.sql("select transferred_at from petition where receipt_number = ?")
			.param("〔2024〕15号")
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(LocalDateTime.of(2024, 5, 8, 9, 30).atZone(this.clock.getZone()).toInstant());
		assertThat(registeredFacts("30号")).contains("\"asWritten\"", "大气污染、噪音", "电话", "萍乡市湘东区");

		long before = petitions();
		ImportOutcome again = importFile(file);
		assertThat(again.imported()).isEmpty();
		assertThat(again.unchanged()).hasSize(5);
		ImportOutcome writtenOtherwise = importFile(TestWorkbooks.titled("第2批交办信访件",
				with(with(with(row(" 30 号* ", "夜间切割石材，噪声扰民"), IntakeField.CHANNEL, "来电"), IntakeField.REGIONS, "湘东区"),
						IntakeField.POLLUTION_TYPES, "噪声、大气")));
		assertThat(writtenOtherwise.imported()).isEmpty();
		assertThat(writtenOtherwise.unchanged()).hasSize(1);
		assertThat(petitions()).isEqualTo(before);
	}

	@Test
	void aDistrictMayBeWrittenWithItsParentsInFullOrShort() {
		IntakeSheet sheet = this.workbook
			.read(new ByteArrayInputStream(batch(with(row("D1", "x"), IntakeField.REGIONS, "江西省萍乡市湘东区"),
					with(row("D2", "y"), IntakeField.REGIONS, "江西萍乡湘东区；萍乡市 芦溪县"),
					with(row("D3", "z"), IntakeField.REGIONS, "湘东区 芦溪县"))), 1_000_000);
		assertThat(sheet.petitions()).extracting(NewPetition::regionCodes)
			.containsExactly(List.of("360313"), List.of("360313", "360323"), List.of("360313", "360323"));
	}

	@Test
	void everyProblemOfEveryRowIsReportedAtOnce() {
		importFile(batch(row("D3JX202405080001", "夜间噪声扰民")));
		List<IntakeProblem> problems = refused(TestWorkbooks.titled("第3批交办信访件",
				with(row("D3JX202405080001", "夜间噪声扰民，已改过"), IntakeField.POLLUTION_TYPES, "不详"),
				with(row("见附件", "烟尘"), IntakeField.CHANNEL, "传真"),
				with(row("30号", "异味"), IntakeField.REGIONS, "宜春市湘东区"),
				with(row("30 号*", "废水"), IntakeField.REGIONS, "360402"),
				with(with(row("D3JX202405080009", "又来反映"), IntakeField.REPEAT, "是"), IntakeField.REPEAT_OF,
						"D3JX209912310001")));
		assertThat(problems).extracting(IntakeProblem::row, IntakeProblem::field, IntakeProblem::code)
			.containsExactlyInAnyOrder(tuple(4, IntakeField.RECEIPT_NUMBER, "intake.conflict"),
					tuple(4, IntakeField.POLLUTION_TYPES, "intake.term.unknown"),
					tuple(5, IntakeField.RECEIPT_NUMBER, "intake.receiptNumber.format"),
					tuple(5, IntakeField.CHANNEL, "intake.term.unknown"),
					tuple(6, IntakeField.REGIONS, "intake.region.wrongParent"),
					tuple(7, IntakeField.RECEIPT_NUMBER, "intake.receiptNumber.duplicate"),
					tuple(7, IntakeField.REGIONS, "intake.region.unknown"),
					tuple(8, IntakeField.REPEAT_OF, "intake.repeatOf.unknown"));
		assertThat(problems).extracting(IntakeProblem::row).isSorted();
		assertThat(problems).filteredOn((p) -> p.code().equals("intake.receiptNumber.duplicate"))
			.singleElement()
			.satisfies((p) -> assertThat(p.args()).containsExactly(6));
	}

	private String stored(String receiptNumber) {
		return this.jdbc
			.sql("""
					select p.channel, (select min(r.region_code) from petition_region r where r.petition_id = p.id) as region
					from petition p where p.receipt_number = ?""")
			.param(receiptNumber)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
			.single()
				+ " "
				+ String.join(",", this.jdbc
					.sql("select pollution_type from petition_pollution t join petition p on p.id = t.petition_id"
							+ " where p.receipt_number = ? order by pollution_type")
					.param(receiptNumber)
					.query(String.class)
					.list());
	}

	private String registeredFacts(String receiptNumber) {
		return this.jdbc.sql("""
				select j.data from journal_entry j join petition p on j.subject_id = cast(p.id as varchar(64))
				where j.subject_type = 'petition' and j.event_type = 'PetitionRegistered' and p.receipt_number = ?""")
			.param(receiptNumber)
			.query(String.class)
			.single();
	}

	@Test
	void wrongColumnsAreNamed() {
		List<Object> headings = new ArrayList<>(TestWorkbooks.headings());
		headings.set(IntakeField.COMPLAINT.ordinal(), " 信访内容 ");
		headings.set(IntakeField.CHANNEL.ordinal(), IntakeField.PRIORITY.heading());
		headings.set(IntakeField.PRIORITY.ordinal(), " 来源 ");
		headings.remove(IntakeField.COMPLAINANT_PHONE.ordinal());
		List<IntakeProblem> problems = refused(TestWorkbooks.workbook(List.of(headings, row("D1", "x"))));
		assertThat(problems).filteredOn((p) -> p.row() == 1)
			.extracting(IntakeProblem::code, IntakeProblem::value)
			.contains(tuple("intake.column.unknown", "信访内容"), tuple("intake.column.missing", null),
					tuple("intake.column.order", null));
		assertThat(problems).filteredOn((p) -> p.code().equals("intake.column.missing"))
			.extracting(IntakeProblem::field)
			.containsExactlyInAnyOrder(IntakeField.COMPLAINT, IntakeField.COMPLAINANT_PHONE);
	}

	@Test
	void headingsWithSurroundingSpacesAreAccepted() {
		List<Object> headings = TestWorkbooks.headings().stream().map((h) -> (Object) ("  " + h + "\u3000")).toList();
		byte[] file = TestWorkbooks.workbook(List.of(headings, row("D3JX202405080001", "噪声")));
		assertThat(importFile(file).imported()).containsExactly("D3JX202405080001");
	}

	@Test
	void emptyRequiredCellsAreEachNamed() {
		List<IntakeProblem> problems = refused(batch(with(row("D1", "x"), IntakeField.COMPLAINT, "  "),
				with(with(row("D2", "y"), IntakeField.CHANNEL, null), IntakeField.TRANSFERRED_AT, null)));
		assertThat(problems).extracting(IntakeProblem::row, IntakeProblem::field, IntakeProblem::code)
			.containsExactlyInAnyOrder(tuple(2, IntakeField.COMPLAINT, "intake.required"),
					tuple(3, IntakeField.TRANSFERRED_AT, "intake.required"),
					tuple(3, IntakeField.CHANNEL, "intake.required"));
	}

	@Test
	void badDatesAreNamedWithTheirValue() {
		List<IntakeProblem> problems = refused(
				batch(with(row("D1", "x"), IntakeField.TRANSFERRED_AT, "2024-13-08 09:30"),
						with(row("D2", "y"), IntakeField.TRANSFERRED_AT, "五月八日"),
						with(row("D3", "z"), IntakeField.TRANSFERRED_AT, "2024/5/8 9:30")));
		assertThat(problems).extracting(IntakeProblem::row, IntakeProblem::value, IntakeProblem::code)
			.containsExactly(tuple(2, "2024-13-08 09:30", "intake.dateTime.invalid"),
					tuple(3, "五月八日", "intake.dateTime.invalid"));
	}

	@Test
	void textTimesAndDateCellsAreLocalToTheClocksZone() {
		ZoneId zone = this.clock.getZone();
		byte[] file = batch(row("D1", "date cell"),
				with(row("D2", "iso"), IntakeField.TRANSFERRED_AT, "2024-05-08 09:30"),
				with(row("D3", "slashes"), IntakeField.TRANSFERRED_AT, "2024/5/8 9:30"),
				with(row("D4", "chinese"), IntakeField.TRANSFERRED_AT, "2024年5月8日9时30分"));
		IntakeSheet sheet = this.workbook.read(new ByteArrayInputStream(file), file.length);
		assertThat(sheet.petitions()).extracting(NewPetition::transferredAt)
			.containsOnly(LocalDateTime.of(2024, 5, 8, 9, 30).atZone(zone).toInstant());
	}

	@Test
	void numericCellsAndSeveralRegionsAndTypesAreReadAsOfficialsWriteThem() {
		IntakeSheet sheet = this.workbook.read(new ByteArrayInputStream(batch(
				with(with(with(row(null, "numbers"), IntakeField.RECEIPT_NUMBER, 2024050800012L),
						IntakeField.COMPLAINANT_PHONE, 13800138000L), IntakeField.REGIONS, "湘东区；360321,芦溪县"),
				with(row("D2", "types"), IntakeField.POLLUTION_TYPES, "大气;水，固废"))), 1_000_000);
		NewPetition first = sheet.petitions().get(0);
		assertThat(first.receiptNumber()).isEqualTo("2024050800012");
		assertThat(first.complainantPhone()).isEqualTo("13800138000");
		assertThat(first.regionCodes()).containsExactly("360313", "360321", "360323");
		assertThat(sheet.petitions().get(1).pollutionTypes()).containsExactlyInAnyOrder(PollutionType.AIR,
				PollutionType.WATER, PollutionType.SOLID_WASTE);
	}

	@Test
	void unknownDistrictAndTermsAreNamed() {
		List<IntakeProblem> problems = refused(batch(with(row("D1", "x"), IntakeField.REGIONS, "湘东区、湘西区"),
				with(with(row("D2", "y"), IntakeField.CHANNEL, "传真"), IntakeField.POLLUTION_TYPES, "不详"),
				with(row("D3", "z"), IntakeField.PRIORITY, "紧急")));
		assertThat(problems)
			.extracting(IntakeProblem::row, IntakeProblem::field, IntakeProblem::value, IntakeProblem::code)
			.containsExactlyInAnyOrder(tuple(2, IntakeField.REGIONS, "湘西区", "intake.region.unknownName"),
					tuple(3, IntakeField.CHANNEL, "传真", "intake.term.unknown"),
					tuple(3, IntakeField.POLLUTION_TYPES, "不详", "intake.term.unknown"),
					tuple(4, IntakeField.PRIORITY, "紧急", "intake.term.unknown"));
	}

	@Test
	void districtOutsideTheRoundIsRefusedByTheImport() {
		List<IntakeProblem> problems = refused(batch(with(row("D1", "x"), IntakeField.REGIONS, "360402")));
		assertThat(problems).extracting(IntakeProblem::row, IntakeProblem::value, IntakeProblem::code)
			.containsExactly(tuple(2, "360402", "intake.region.unknown"));
	}

	@Test
	void repeatNeedsTheEarlierReceiptNumber() {
		List<IntakeProblem> problems = refused(batch(with(row("D1", "x"), IntakeField.REPEAT, "是"),
				with(row("D2", "y"), IntakeField.REPEAT_OF, "D1"), with(row("D3", "z"), IntakeField.REPEAT, "可能")));
		assertThat(problems).extracting(IntakeProblem::row, IntakeProblem::field, IntakeProblem::code)
			.containsExactly(tuple(2, IntakeField.REPEAT_OF, "intake.repeatOf.required"),
					tuple(3, IntakeField.REPEAT_OF, "intake.repeatOf.notRepeat"),
					tuple(4, IntakeField.REPEAT, "intake.repeat.invalid"));
	}

	@Test
	void duplicateReceiptNumberInTheFileNamesTheFirstRowAcrossBlankRows() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(TestWorkbooks.headings());
		rows.add(row("D3JX202405080001", "x"));
		rows.add(List.of());
		rows.add(row("D3JX202405080002", "y"));
		rows.add(row("D3JX202405080001", "z"));
		List<IntakeProblem> problems = refused(TestWorkbooks.workbook(rows));
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p.row()).isEqualTo(5);
			assertThat(p.code()).isEqualTo("intake.receiptNumber.duplicate");
			assertThat(p.args()).containsExactly(2);
		});
	}

	@Test
	void zipBombDisguisedAsAWorkbookIsRefused() {
		byte[] bomb = TestWorkbooks.zipBomb();
		assertThat(bomb.length).isLessThan(200_000);
		assertThat(refused(bomb)).extracting(IntakeProblem::row, IntakeProblem::code)
			.containsExactly(tuple(0, "intake.file.zipBomb"));
	}

	@Test
	void textAndPictureFilesNamedXlsxAreRefused() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThat(refused(png)).extracting(IntakeProblem::code).containsExactly("intake.file.notSpreadsheet");
		byte[] text = "受理编号,交办时间\nD1,2024-05-08\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(refused(text)).extracting(IntakeProblem::code).containsExactly("intake.file.notSpreadsheet");
	}

	@Test
	void fileLargerThanTheLimitIsRefusedBeforeItIsRead() {
		assertThat(refused(new byte[0])).extracting(IntakeProblem::code).containsExactly("intake.file.notSpreadsheet");
		long before = petitions();
		IntakeRejected rejected = catchThrowableOfType(IntakeRejected.class,
				() -> this.intake.importWorkbook(this.batchId,
						new ByteArrayInputStream(batch(row("D3JX202405080001", "x"))), 21L * 1024 * 1024));
		assertThat(rejected.problems()).extracting(IntakeProblem::code).containsExactly("intake.file.tooLarge");
		assertThat(petitions()).isEqualTo(before);
	}

	@Test
	void emptySheetAndHeaderOnlyAreRefused() {
		assertThat(refused(TestWorkbooks.workbook(List.of()))).extracting(IntakeProblem::code)
			.containsExactly("intake.file.empty");
		assertThat(refused(batch())).extracting(IntakeProblem::code).containsExactly("intake.file.noRows");
	}

	@Test
	void moreRowsThanAllowedAreRefused() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(TestWorkbooks.headings());
		for (int i = 0; i <= this.workbook.maxRows(); i++) {
			rows.add(List.of("D" + i, "2024-05-08 09:30", "来电", "噪声"));
		}
		assertThat(refused(TestWorkbooks.workbook(rows))).extracting(IntakeProblem::code)
			.containsExactly("intake.file.tooManyRows");
	}

}
