package org.ducha.petitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ducha.deadlines.ClockState;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.PetitionCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's filters, keyset pages, counts and scope, on cases made through intake and
 * assignment. Each test makes its own round and reads within it.
 */
@DatabaseTest
// A context of its own: another class sharing the demo context renames a unit these tests
// use.
@TestPropertySource(properties = { "ducha.demo=true", "ducha.context=ledger" })
class LedgerTests {

	private static final String ECOLOGY = "萍乡市生态环境局";

	private static final String XIANGDONG = "湘东区人民政府";

	private static final String WATER_BUREAU = "萍乡市水利局";

	@Autowired
	Ledger ledger;

	@Autowired
	RoundManagement rounds;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	PetitionQueries queries;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	PetitionCases cases;

	Instant day;

	@BeforeEach
	void setUp() {
		this.cases = new PetitionCases(this.rounds, this.petitions, this.queries, this.users, this.jdbc, this.clock);
		this.day = this.clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
	}

	/** A round with one batch of cases A1..A6 that differ in one attribute each. */
	private Round sixCases() {
		long round = this.cases.round();
		long batch1 = this.cases.batch(round, 1);
		long batch2 = this.cases.batch(round, 2);
		Map<String, Long> ids = new java.util.HashMap<>(this.cases.imported(batch1,
				List.of(PetitionCases.petition("A1", this.day, "360302"),
						PetitionCases.petition("A2", this.day.plusSeconds(60), "360313"),
						PetitionCases.petition("A3", this.day.plusSeconds(120), "360313", PollutionType.NOISE,
								"夜间施工噪声扰民", null, null),
						PetitionCases.petition("B4", this.day.plusSeconds(180), "360321"))));
		ids.putAll(
				this.cases.imported(batch2, List.of(PetitionCases.petition("B5", this.day.plusSeconds(240), "360322"),
						PetitionCases.petition("A6", this.day.plusSeconds(300), "360323"))));
		ids.values().forEach(this.cases::noClock);
		this.cases.assign(ids.get("A1"), ECOLOGY);
		this.cases.assign(ids.get("A2"), ECOLOGY, XIANGDONG);
		this.cases.assign(ids.get("A3"), XIANGDONG);
		this.cases.assign(ids.get("B4"), WATER_BUREAU);
		this.cases.clock(ids.get("A1"), "REPORT", ClockState.RED, this.day.plus(Duration.ofDays(1)));
		this.cases.clock(ids.get("A2"), "REPORT", ClockState.RED, this.day.plus(Duration.ofDays(2)));
		this.cases.clock(ids.get("B4"), "REPORT", ClockState.GREEN, this.clock.instant().plus(Duration.ofDays(4)));
		this.cases.outcome(ids.get("A1"), Verdict.TRUE, Completion.CLOSED);
		this.cases.outcome(ids.get("B4"), Verdict.UNTRUE, Completion.STAGED);
		return new Round(round, batch1, batch2, ids);
	}

	record Round(long id, long batch1, long batch2, Map<String, Long> ids) {

		LedgerFilter filter() {
			return new LedgerFilter(this.id, null, null, null, null, null, null, null, null, null);
		}

	}

	private List<String> receipts(String login, LedgerFilter filter) {
		return this.cases.as(login, () -> {
			List<String> all = new ArrayList<>();
			this.ledger.forEachRow(filter, new LedgerSort(LedgerSort.Key.RECEIPT, false),
					(row) -> all.add(row.receiptNumber()));
			return all;
		});
	}

	private List<String> receipts(LedgerFilter filter) {
		return receipts("office", filter);
	}

	private LedgerFilter with(Round r, String component, Object value) {
		Long unit = "unit".equals(component) ? (Long) value : null;
		return new LedgerFilter(r.id(), "batch".equals(component) ? (Long) value : null,
				"region".equals(component) ? (String) value : null, unit,
				"pollution".equals(component) ? (PollutionType) value : null,
				"verdict".equals(component) ? (Verdict) value : null,
				"completion".equals(component) ? (Completion) value : null,
				"clock".equals(component) ? (ClockState) value : null,
				"status".equals(component) ? (PetitionStatus) value : null,
				"receipt".equals(component) ? (String) value : null);
	}

	@Test
	void roundFilterShowsOnlyThatRoundsCases() {
		Round first = sixCases();
		sixCases();
		assertThat(receipts(first.filter())).containsExactly("A1", "A2", "A3", "A6", "B4", "B5");
	}

	@Test
	void batchFilterNarrowsToTheBatch() {
		Round r = sixCases();
		assertThat(receipts(with(r, "batch", r.batch2()))).containsExactly("A6", "B5");
	}

	@Test
	void districtFilterNarrowsToCasesConcerningTheDistrict() {
		Round r = sixCases();
		assertThat(receipts(with(r, "region", "360313"))).containsExactly("A2", "A3");
	}

	@Test
	void unitFilterNarrowsToCasesTheUnitTakesAnyPartIn() {
		Round r = sixCases();
		assertThat(receipts(with(r, "unit", this.cases.unitId(XIANGDONG)))).containsExactly("A2", "A3");
		assertThat(receipts(with(r, "unit", this.cases.unitId(WATER_BUREAU)))).containsExactly("B4");
	}

	@Test
	void pollutionTypeFilterNarrowsToThatType() {
		Round r = sixCases();
		assertThat(receipts(with(r, "pollution", PollutionType.NOISE))).containsExactly("A3");
	}

	@Test
	void verdictAndCompletionFiltersNarrowToTheApprovedOutcome() {
		Round r = sixCases();
		assertThat(receipts(with(r, "verdict", Verdict.UNTRUE))).containsExactly("B4");
		assertThat(receipts(with(r, "completion", Completion.CLOSED))).containsExactly("A1");
	}

	@Test
	void clockFilterNarrowsToTheClockState() {
		Round r = sixCases();
		assertThat(receipts(with(r, "clock", ClockState.RED))).containsExactly("A1", "A2");
		assertThat(receipts(with(r, "clock", ClockState.YELLOW))).isEmpty();
	}

	@Test
	void statusFilterNarrowsToTheStatus() {
		Round r = sixCases();
		assertThat(receipts(with(r, "status", PetitionStatus.REGISTERED))).containsExactly("A6", "B5");
	}

	@Test
	void receiptFilterMatchesTheNumbersStartingWithItWhateverTheCase() {
		Round r = sixCases();
		assertThat(receipts(with(r, "receipt", "b"))).containsExactly("B4", "B5");
		assertThat(receipts(with(r, "receipt", "A%"))).isEmpty();
	}

	@Test
	void filtersCombine() {
		Round r = sixCases();
		LedgerFilter redInXiangdong = new LedgerFilter(r.id(), null, "360313", null, null, null, null, ClockState.RED,
				null, null);
		assertThat(receipts(redInXiangdong)).containsExactly("A2");
	}

	@Test
	void countEqualsTheRowsForEveryFilter() {
		Round r = sixCases();
		for (LedgerFilter filter : List.of(r.filter(), with(r, "region", "360313"), with(r, "clock", ClockState.RED),
				with(r, "unit", this.cases.unitId(ECOLOGY)), with(r, "receipt", "Z"))) {
			for (String login : List.of("office", "handler", "xiangdong")) {
				long count = this.cases.as(login, () -> this.ledger.count(filter));
				assertThat(count).as(login + " " + filter).isEqualTo(receipts(login, filter).size());
			}
		}
	}

	@Test
	void rowsCarryNamesOutcomeAndClock() {
		Round r = sixCases();
		LedgerRow a1 = this.cases
			.as("office", () -> this.ledger.page(with(r, "receipt", "A1"), LedgerSort.DEFAULT, null, null))
			.rows()
			.get(0);
		assertThat(a1.batchNumber()).isEqualTo(1);
		assertThat(a1.districts()).containsExactly("安源区");
		assertThat(a1.leadUnit()).isEqualTo(ECOLOGY);
		assertThat(a1.verdict()).isEqualTo(Verdict.TRUE);
		assertThat(a1.shownClockState()).isEqualTo(ClockState.RED);
		assertThat(a1.clockWords()).isEqualTo("ledger.clock.overdue.days");
		assertThat(a1.clockAmount()).isEqualTo(2);
	}

	@Test
	void handlerSeesOnlyCasesItsUnitsTakePartIn() {
		Round r = sixCases();
		assertThat(receipts("handler", r.filter())).containsExactly("A1", "A2");
		assertThat(receipts("xiangdong", r.filter())).containsExactly("A2", "A3");
		assertThat(this.cases.as("handler", () -> this.ledger.page(r.filter(), LedgerSort.DEFAULT, null, null))
			.rows()
			.stream()
			.map(LedgerRow::receiptNumber)).containsExactly("A2", "A1");
	}

	@Test
	void handlerGetsNothingForAnotherUnitsFilter() {
		Round r = sixCases();
		LedgerFilter waterBureau = with(r, "unit", this.cases.unitId(WATER_BUREAU));
		assertThat(receipts("handler", waterBureau)).isEmpty();
		assertThat(this.cases.as("handler", () -> this.ledger.count(waterBureau))).isZero();
		assertThat(this.cases.as("handler", () -> this.ledger.page(waterBureau, LedgerSort.DEFAULT, null, null)).rows())
			.isEmpty();
	}

	@Test
	void complaintIsMaskedForHandlersButNotForTheOffice() {
		long round = this.cases.round();
		long batch = this.cases.batch(round, 1);
		long id = this.cases
			.imported(batch, List.of(PetitionCases.petition("M1", this.day, "360302", PollutionType.WATER,
					"河道发黑发臭，请联系13812345678核实。", "张三", "13900001111")))
			.get("M1");
		this.cases.assign(id, ECOLOGY);
		LedgerFilter filter = new LedgerFilter(round, null, null, null, null, null, null, null, null, null);
		String office = this.cases.as("office", () -> this.ledger.page(filter, LedgerSort.DEFAULT, null, null))
			.rows()
			.get(0)
			.complaint();
		String handler = this.cases.as("handler", () -> this.ledger.page(filter, LedgerSort.DEFAULT, null, null))
			.rows()
			.get(0)
			.complaint();
		assertThat(office).contains("13812345678");
		assertThat(handler).doesNotContain("13812345678").contains("***********");
	}

	@Test
	void keysetPagesNeitherSkipNorRepeatRowsWithEqualSortKeys() {
		long round = this.cases.round();
		long batch = this.cases.batch(round, 1);
		List<org.ducha.petitions.NewPetition> rows = new ArrayList<>();
		for (int i = 0; i < 130; i++) {
			// three transfer times and 130 cases: most rows share their sort key
			rows.add(PetitionCases.petition(String.format("K%03d", i), this.day.plusSeconds(60L * (i % 3)), "360302"));
		}
		Map<String, Long> ids = this.cases.imported(batch, rows);
		Instant due = this.clock.instant().plus(Duration.ofDays(2));
		int n = 0;
		for (long id : ids.values()) {
			if (n++ % 2 == 0) {
				// half the cases share one due time, the other half have no clock
				this.cases.clock(id, "REPORT", ClockState.GREEN, due);
			}
		}
		LedgerFilter filter = new LedgerFilter(round, null, null, null, null, null, null, null, null, null);
		for (LedgerSort.Key key : LedgerSort.Key.values()) {
			for (boolean descending : new boolean[] { false, true }) {
				LedgerSort sort = new LedgerSort(key, descending);
				List<Long> expected = new ArrayList<>();
				this.cases.as("office", () -> this.ledger.forEachRow(filter, sort, (row) -> expected.add(row.id())));
				assertThat(expected).as(sort + " reads every case once").hasSize(130).doesNotHaveDuplicates();
				assertThat(forwards(filter, sort)).as(sort + " forwards").containsExactlyElementsOf(expected);
				assertThat(backwards(filter, sort)).as(sort + " backwards").containsExactlyElementsOf(expected);
			}
		}
	}

	private List<Long> forwards(LedgerFilter filter, LedgerSort sort) {
		return this.cases.as("office", () -> {
			List<Long> seen = new ArrayList<>();
			LedgerPage page = this.ledger.page(filter, sort, null, null);
			assertThat(page.first()).isTrue();
			seen.addAll(page.rows().stream().map(LedgerRow::id).toList());
			while (page.next() != null) {
				assertThat(page.rows()).hasSize(Ledger.PAGE_SIZE);
				page = this.ledger.page(filter, sort, page.next(), null);
				assertThat(page.previous()).isNotNull();
				seen.addAll(page.rows().stream().map(LedgerRow::id).toList());
			}
			return seen;
		});
	}

	/** Walks to the last page, then back with the previous links, collecting in order. */
	private List<Long> backwards(LedgerFilter filter, LedgerSort sort) {
		return this.cases.as("office", () -> {
			LedgerPage page = this.ledger.page(filter, sort, null, null);
			while (page.next() != null) {
				page = this.ledger.page(filter, sort, page.next(), null);
			}
			List<List<Long>> pages = new ArrayList<>();
			pages.add(page.rows().stream().map(LedgerRow::id).toList());
			while (page.previous() != null) {
				page = this.ledger.page(filter, sort, null, page.previous());
				assertThat(page.next()).isNotNull();
				pages.add(0, page.rows().stream().map(LedgerRow::id).toList());
			}
			assertThat(pages.get(0)).hasSize(Ledger.PAGE_SIZE);
			return pages.stream().flatMap(List::stream).toList();
		});
	}

	@Test
	void aCursorOfAnotherSortReadsTheFirstPage() {
		Round r = sixCases();
		Set<Long> firstPage = new HashSet<>(
				this.cases.as("office", () -> this.ledger.page(r.filter(), LedgerSort.DEFAULT, null, null))
					.rows()
					.stream()
					.map(LedgerRow::id)
					.toList());
		String cursor = Ledger.Cursor.encode(LedgerSort.Key.RECEIPT, "A2", r.ids().get("A2"));
		assertThat(this.cases.as("office", () -> this.ledger.page(r.filter(), LedgerSort.DEFAULT, cursor, null))
			.rows()
			.stream()
			.map(LedgerRow::id)).containsExactlyInAnyOrderElementsOf(firstPage);
	}

}
