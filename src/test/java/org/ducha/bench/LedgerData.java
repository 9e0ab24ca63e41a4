package org.ducha.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ducha.DuchaApplication;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Bulk cases for the ledger benchmarks, on PostgreSQL, in a fresh schema with the demo
 * region: one round whose batches are transferred a day apart (every case of a batch
 * shares its transfer time, as in practice), five districts, an ecology bureau that leads
 * 40% of the cases, the district government as territorial unit of each, and clocks
 * running on a fifth of them (5% red, 3% yellow, 12% green); the rest are closed.
 */
final class LedgerData {

	static final List<String> DISTRICTS = List.of("360302", "360313", "360321", "360322", "360323");

	private static final List<String> GOVERNMENTS = List.of("安源区人民政府", "湘东区人民政府", "莲花县人民政府", "上栗县人民政府", "芦溪县人民政府");

	private static final List<String> DEPARTMENTS = List.of("萍乡市发展和改革委员会", "萍乡市工业和信息化局", "萍乡市自然资源局", "萍乡市住房和城乡建设局",
			"萍乡市城市管理局", "萍乡市交通运输局", "萍乡市水利局", "萍乡市农业农村局", "萍乡市林业局");

	private LedgerData() {
	}

	/** The application on a fresh PostgreSQL schema with the demo region. */
	static ConfigurableApplicationContext start() {
		String db = System.getProperty("bench.db", "postgresql");
		if (!db.equals("postgresql")) {
			throw new IllegalArgumentException(
					"the ledger benchmarks load their data with PostgreSQL's generate_series;"
							+ " run them with -Dbench.db=postgresql and DUCHA_TEST_PG_URL");
		}
		System.setProperty("ducha.test.db", "configured");
		String url = System.getenv("DUCHA_TEST_PG_URL");
		String schema = "bench" + System.nanoTime();
		return new SpringApplicationBuilder(DuchaApplication.class).run("--spring.main.web-application-type=none",
				"--ducha.demo=true", "--logging.level.root=WARN",
				"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				"--spring.datasource.username=postgres", "--spring.flyway.schemas=" + schema,
				"--spring.flyway.default-schema=" + schema);
	}

	static void signIn(ConfigurableApplicationContext context, String login) {
		UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(login);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

	/**
	 * Loads {@code cases} cases in batches of {@code perBatch}, then vacuums and
	 * analyzes, as autovacuum does after such a load in production: a count reads index
	 * entries alone only where the visibility map marks their table's pages all-visible,
	 * and vacuum is what sets it.
	 * @return the round's id
	 */
	static long load(ConfigurableApplicationContext context, int cases, int perBatch) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Clock clock = context.getBean(Clock.class);
		RoundManagement rounds = context.getBean(RoundManagement.class);
		int batchCount = (cases + perBatch - 1) / perBatch;
		long started = System.nanoTime();
		signIn(context, "office");
		LocalDate today = LocalDate.now(clock);
		long round = rounds.createRound(RoundDraft.withDefaultPolicies("第二轮省级督察", RoundLevel.PROVINCIAL, "第一督察组",
				"360300", today.minusDays(batchCount + 1), today, "0799-1234567"));
		Instant first = clock.instant().minus(Duration.ofDays(batchCount + 1));
		List<Long> batches = new ArrayList<>();
		for (int i = 0; i < batchCount; i++) {
			batches.add(rounds.createBatch(round, i + 1, first.plus(Duration.ofDays(i))));
		}
		SecurityContextHolder.clearContext();
		String ecology = String.valueOf(unit(jdbc, "萍乡市生态环境局"));
		String departments = array(jdbc, DEPARTMENTS);
		String governments = array(jdbc, GOVERNMENTS);
		String districts = "array['" + String.join("','", DISTRICTS) + "']";
		String batchIds = "array[" + String.join(",", batches.stream().map(String::valueOf).toList()) + "]::bigint[]";
		// b decides the clock (0-4 red, 5-7 yellow, 8-19 green, else closed), d the
		// district,
		// l whether the ecology bureau leads; spread so that they do not follow each
		// other.
		String series = "(select g, (g * 7919) % 100 as b, (g * 31) % 5 as d, (g * 13) % 10 as l," + " (g - 1) / "
				+ perBatch + " as k from generate_series(1::bigint, " + cases + ") g) s";
		// the case's clock state, and its copies on the districts and assignments
		String clockState = "case when b < 5 then 'RED' when b < 8 then 'YELLOW' when b < 20 then 'GREEN' end";
		jdbc.sql("insert into petition (id, round_id, batch_id, receipt_number, transferred_at, channel, priority,"
				+ " complaint, content_hash, status, lead_unit_id, verdict, completion, clock_kind, clock_state,"
				+ " clock_due_at, registered_at)" + " select g, " + round + ", (" + batchIds
				+ ")[1 + k], 'D3JX' || lpad(g::text, 10, '0')," + " timestamptz '" + first + "' + k * interval '1 day',"
				+ " (array['PHONE','LETTER','ONLINE','VISIT'])[1 + g % 4],"
				+ " case when g % 10 = 0 then 'KEY' else 'ORDINARY' end," + " '群众反映，' || (" + districts
				+ ")[1 + d] || '某石材加工厂夜间生产，粉尘和噪声扰民，废水直排附近河道，河水发黑发臭。'" + " || '该厂未办理环评手续，多次举报未果，请督察组督促查处。第' || g || '号',"
				+ " md5(g::text), case when b < 20 then 'ASSIGNED' else 'CLOSED' end," + " case when l < 4 then "
				+ ecology + " else (" + departments + ")[1 + g % 9] end,"
				+ " case when b >= 20 then (array['TRUE','MOSTLY_TRUE','PARTLY_TRUE','UNTRUE'])[1 + g % 4] end,"
				+ " case when b >= 20 then (array['CLOSED','STAGED'])[1 + g % 2] end,"
				+ " case when b < 20 then 'REPORT' end, " + clockState + "," + " case when b < 20 then timestamptz '"
				+ first + "' + k * interval '1 day' + interval '5 days' end," + " timestamptz '" + first
				+ "' + k * interval '1 day' from " + series)
			.update();
		jdbc.sql("insert into petition_region (petition_id, region_code, clock_state) select g, (" + districts
				+ ")[1 + d], " + clockState + " from " + series + " union all select g, (" + districts
				+ ")[1 + (d + 1) % 5], " + clockState + " from " + series + " where g % 50 = 0")
			.update();
		jdbc.sql("insert into petition_pollution (petition_id, pollution_type) select g,"
				+ " (array['AIR','WATER','SOIL','NOISE','SOLID_WASTE','ECOLOGY','RADIATION','MARINE','OTHER'])[1 + g % 9]"
				+ " from " + series + " union all select g, 'NOISE' from " + series + " where g % 7 = 0 and g % 9 <> 3")
			.update();
		jdbc.sql("insert into petition_assignment (petition_id, unit_id, role, assigned_at, clock_state)"
				+ " select g, case when l < 4 then " + ecology + " else (" + departments + ")[1 + g % 9] end, 'LEAD',"
				+ " timestamptz '" + first + "', " + clockState + " from " + series + " union all select g, ("
				+ governments + ")[1 + d], 'TERRITORIAL', timestamptz '" + first + "', " + clockState + " from "
				+ series + " union all select g, (" + departments + ")[1 + (g + 1) % 9], 'CO', timestamptz '" + first
				+ "', " + clockState + " from " + series + " where g % 5 = 0")
			.update();
		for (String copies : List.of("petition_region", "petition_assignment")) {
			long astray = jdbc
				.sql("select count(*) from " + copies + " c join petition p on p.id = c.petition_id"
						+ " where c.clock_state is distinct from p.clock_state")
				.query(Long.class)
				.single();
			if (astray > 0) {
				throw new IllegalStateException(
						astray + " rows of " + copies + " have another clock state than their case");
			}
		}
		jdbc.sql("vacuum analyze").update();
		System.out.printf("Loaded %,d cases in %,d batches in %.1f s%n", cases, batchCount,
				(System.nanoTime() - started) / 1e9);
		return round;
	}

	private static long unit(JdbcClient jdbc, String name) {
		return jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	private static String array(JdbcClient jdbc, List<String> names) {
		return "array[" + String.join(",", names.stream().map((n) -> String.valueOf(unit(jdbc, n))).toList())
				+ "]::bigint[]";
	}

}
