package org.ducha.bench;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ducha.DuchaApplication;
import org.ducha.petitions.BulkAssignment;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionManagement;
import org.ducha.reports.BatchIntake;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Server time of the staff pages with a realistic round on the embedded database: the
 * demo round plus ten batches of 1,000 cases each, received and assigned to the
 * environment bureau. Each page is rendered through the whole filter chain and Thymeleaf
 * (MockMvc, no network), 20 times to warm up and 100 times measured, as the office and as
 * the bureau's handler; prints p50 and p95. Not a test: run it with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=PageBenchmark}.
 */
public final class PageBenchmark {

	private static final int BATCHES = 10;

	private static final int WARM_UP = 20;

	private static final int RUNS = 100;

	private PageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of("target", "bench", "pages" + System.currentTimeMillis()).toAbsolutePath();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DuchaApplication.class).run(
				"--server.port=0", "--ducha.demo=true", "--logging.level.root=WARN",
				"--ducha.data-dir=" + file.getParent().resolve("pages-files"),
				"--ducha.complainant.key=q72cZIOuREhB5lJwdZ/pr5Tw++20LpfUQJvVCojatRo=",
				"--spring.datasource.url=jdbc:h2:file:" + file
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
			UserDetailsService users = context.getBean(UserDetailsService.class);
			long[] ids = load(context, users.loadUserByUsername("office"));
			long batch = ids[0];
			long petition = ids[1];
			MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
				.apply(springSecurity())
				.build();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long cases = jdbc.sql("select count(*) from petition").query(Long.class).single();
			long round = jdbc.sql("select round_id from petition where id = ?")
				.param(petition)
				.query(Long.class)
				.single();
			List<String> lines = new ArrayList<>();
			if (Boolean.getBoolean("bench.analyze")) {
				jdbc.sql("analyze").update();
			}
			List<String> office = List.of("/", "/work", "/rounds/" + round, "/batches/" + batch,
					"/petitions/" + petition, "/petitions/" + petition + "/review", "/ledger",
					"/ledger?clock=RED&region=360313", "/ledger?sort=due", "/look-backs");
			for (String page : office) {
				lines.add(line(mvc, users.loadUserByUsername("office"), "office", page));
			}
			for (String page : List.of("/", "/work", "/petitions/" + petition, "/petitions/" + petition + "/report",
					"/ledger", "/ledger?clock=RED")) {
				lines.add(line(mvc, users.loadUserByUsername("handler"), "handler", page));
			}
			System.out.printf(
					"%n%,d cases (H2 file)%n| reader | page | p50 ms | p95 ms |%n| --- | --- | ---: | ---: |%n", cases);
			lines.forEach(System.out::println);
			System.out.printf("Load average (1 min) at the end: %.2f%n%n",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	/**
	 * Ten batches imported, received and given to the bureau.
	 * @return a batch's id and one of its cases' id
	 */
	private static long[] load(ConfigurableApplicationContext context, UserDetails office) throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
		try {
			RoundManagement rounds = context.getBean(RoundManagement.class);
			BatchIntake intake = context.getBean(BatchIntake.class);
			PetitionManagement petitions = context.getBean(PetitionManagement.class);
			Clock clock = context.getBean(Clock.class);
			LocalDate today = LocalDate.now(clock);
			long round = rounds.createRound(RoundDraft.withDefaultPolicies("页面基准督察轮次", RoundLevel.PROVINCIAL, "页面基准组",
					"360300", today.minusDays(10), today.plusDays(20), "0799-1234567"));
			long bureau = context.getBean(JdbcClient.class)
				.sql("select id from unit where name = '萍乡市生态环境局'")
				.query(Long.class)
				.single();
			long batch = 0;
			long petition = 0;
			for (int b = 1; b <= BATCHES; b++) {
				byte[] workbook = IntakeBenchmark.workbook(b, 1_000);
				batch = rounds.createBatch(round, b, clock.instant().minus(Duration.ofHours(30 - b)));
				intake.importWorkbook(batch, new ByteArrayInputStream(workbook), workbook.length);
				petitions.receiveBatch(batch);
				List<Long> ids = petitions.assignableOf(batch).stream().map(Petition::id).toList();
				petitions.assignMany(ids, bureau, List.of(), List.of(), BulkAssignment.Replacing.NONE);
				petition = ids.get(ids.size() / 2);
			}
			return new long[] { batch, petition };
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String line(MockMvc mvc, UserDetails reader, String login, String page) throws Exception {
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < WARM_UP + RUNS; i++) {
			long start = System.nanoTime();
			int status = mvc.perform(get(page).with(user(reader))).andReturn().getResponse().getStatus();
			double elapsed = (System.nanoTime() - start) / 1e6;
			if (status != 200) {
				throw new IllegalStateException(page + " as " + login + ": " + status);
			}
			if (i >= WARM_UP) {
				millis.add(elapsed);
			}
		}
		Collections.sort(millis);
		return String.format("| %s | `%s` | %.1f | %.1f |", login, page, millis.get(RUNS / 2),
				millis.get((int) Math.ceil(RUNS * 0.95) - 1));
	}

}
