package org.ducha.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

import org.ducha.deadlines.ClockState;
import org.ducha.petitions.Ledger;
import org.ducha.petitions.LedgerFilter;
import org.ducha.petitions.LedgerSort;
import org.ducha.petitions.PetitionStatus;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The ledger on 1,000,000 cases in PostgreSQL: p50 and p95 over 200 runs of the first
 * page unfiltered, the first page of one district's red cases, that filter's count, the
 * counts of the red cases, of the district's cases and of its closed cases, and the
 * unfiltered count, for the office and for a handler (the ecology bureau, which leads 40%
 * of the cases), through the {@link Ledger} service as the page calls it. Prints the
 * query plans of the office's and the handler's filtered queries and unfiltered counts.
 * Not a test: run it with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=LedgerBenchmark -Dbench.db=postgresql}
 * and {@code DUCHA_TEST_PG_URL} set.
 */
public final class LedgerBenchmark {

	private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);

	private static final int RUNS = 200;

	private static final int WARM_UP = 30;

	private LedgerBenchmark() {
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = LedgerData.start()) {
			long round = LedgerData.load(context, CASES, 2_000);
			Ledger ledger = context.getBean(Ledger.class);
			LedgerFilter none = LedgerFilter.none();
			LedgerFilter redInXiangdong = new LedgerFilter(null, null, "360313", null, null, null, null, ClockState.RED,
					null, null);
			LedgerFilter red = new LedgerFilter(null, null, null, null, null, null, null, ClockState.RED, null, null);
			LedgerFilter xiangdong = new LedgerFilter(null, null, "360313", null, null, null, null, null, null, null);
			LedgerFilter closedInXiangdong = new LedgerFilter(null, null, "360313", null, null, null, null, null,
					PetitionStatus.CLOSED, null);
			List<String> lines = new ArrayList<>();
			for (String login : List.of("office", "handler")) {
				LedgerData.signIn(context, login);
				long count = ledger.count(redInXiangdong);
				lines.add(line(login, "first page, unfiltered",
						() -> ledger.page(none, LedgerSort.DEFAULT, null, null).rows().size()));
				lines.add(line(login, "first page, 湘东区 + red (" + count + " cases)",
						() -> ledger.page(redInXiangdong, LedgerSort.DEFAULT, null, null).rows().size()));
				lines.add(line(login, "count, 湘东区 + red", () -> ledger.count(redInXiangdong)));
				lines.add(line(login, "count, red", () -> ledger.count(red)));
				lines.add(line(login, "count, 湘东区", () -> ledger.count(xiangdong)));
				lines.add(line(login, "count, 湘东区 + closed", () -> ledger.count(closedInXiangdong)));
				lines.add(line(login, "first page by due time, unfiltered",
						() -> ledger.page(none, new LedgerSort(LedgerSort.Key.DUE, false), null, null).rows().size()));
				lines.add(line(login, "count, unfiltered", () -> ledger.count(none)));
				SecurityContextHolder.clearContext();
			}
			explain(context.getBean(JdbcClient.class), unitIds(context));
			System.out.printf(
					"%n%,d cases, round %d%n| reader | query | p50 ms | p95 ms |%n| --- | --- | --- | --- |%n", CASES,
					round);
			lines.forEach(System.out::println);
		}
	}

	private static String line(String login, String what, LongSupplier query) {
		for (int i = 0; i < WARM_UP; i++) {
			query.getAsLong();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			query.getAsLong();
			millis.add((System.nanoTime() - started) / 1e6);
		}
		Collections.sort(millis);
		return String.format("| %s | %s | %.1f | %.1f |", login, what, millis.get(RUNS / 2),
				millis.get((int) Math.ceil(RUNS * 0.95) - 1));
	}

	private static String unitIds(ConfigurableApplicationContext context) {
		return String.valueOf(context.getBean(JdbcClient.class)
			.sql("select id from unit where name = '萍乡市生态环境局'")
			.query(Long.class)
			.single());
	}

	/**
	 * The plans of the statements the ledger runs for the filtered page and count, and
	 * for the unfiltered counts.
	 */
	private static void explain(JdbcClient jdbc, String handlerUnits) {
		String columns = "p.id, p.round_id, p.batch_id, p.receipt_number, p.transferred_at, p.channel, p.priority,"
				+ " p.complaint, p.status, p.lead_unit_id, p.verdict, p.completion, p.clock_kind, p.clock_state,"
				+ " p.clock_due_at";
		String filter = "exists (select 1 from petition_region r where r.petition_id = p.id"
				+ " and r.region_code = '360313') and p.clock_state = 'RED'";
		String scope = "exists (select 1 from petition_assignment s where s.petition_id = p.id and s.unit_id in ("
				+ handlerUnits + ")) and ";
		String order = " order by p.transferred_at desc, p.id desc limit 51";
		String district = "select count(*) from petition_region r where r.region_code = '360313'"
				+ " and r.clock_state = 'RED'";
		for (String sql : List.of("select " + columns + " from petition p" + order,
				"select " + columns + " from petition p where " + filter + order, district,
				"select " + columns + " from petition p where " + scope + filter + order,
				district + " and exists (select 1 from petition_assignment s where s.petition_id = r.petition_id"
						+ " and s.unit_id in (" + handlerUnits + ") and s.clock_state = 'RED')",
				"select count(*) from petition p",
				"select count(*) from (select s.petition_id from petition_assignment s where s.unit_id in ("
						+ handlerUnits + ") group by s.petition_id) c")) {
			System.out.println("\n" + sql);
			jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list().forEach(System.out::println);
		}
	}

}
