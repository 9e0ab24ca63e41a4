package org.ducha.journal;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ducha.DuchaApplication;
import org.ducha.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes (two Spring contexts on their own ports) on one database: the
 * journal stays one unbroken chain when both write at once, and a session opened on one
 * node is valid on the other.
 */
@Tag("database")
class TwoNodeJournalTests {

	private static final int THREADS_PER_NODE = 4;

	private static final int ENTRIES_PER_THREAD = 50;

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		String database = "twonode" + UUID.randomUUID().toString().replace("-", "");
		nodeA = node(database);
		nodeB = node(database);
	}

	private static ConfigurableApplicationContext node(String database) {
		return new SpringApplicationBuilder(DuchaApplication.class).run("--server.port=0", "--ducha.demo=true",
				"--" + TestDatabase.SHARED_NAME + "=" + database);
	}

	@AfterAll
	static void stopNodes() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	@Test
	void concurrentWritesOnTwoNodesKeepOneUnbrokenChain() throws Exception {
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		long before = jdbc.sql("select count(*) from journal_entry").query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
		List<Future<Integer>> writers = new ArrayList<>();
		for (int t = 0; t < THREADS_PER_NODE; t++) {
			writers.add(pool.submit(writer(nodeA, "A" + t)));
			writers.add(pool.submit(writer(nodeB, "B" + t)));
		}
		int written = 0;
		for (Future<Integer> writer : writers) {
			written += writer.get();
		}
		pool.shutdown();

		assertThat(written).isEqualTo(2 * THREADS_PER_NODE * ENTRIES_PER_THREAD);
		Verification onA = nodeA.getBean(JournalVerifier.class).verify();
		Verification onB = nodeB.getBean(JournalVerifier.class).verify();
		assertThat(onA.intact()).as("chain verified on node A: %s", onA).isTrue();
		assertThat(onB.intact()).as("chain verified on node B: %s", onB).isTrue();
		assertThat(onA.entriesChecked()).isEqualTo(before + written);
		assertThat(jdbc.sql("select count(distinct subject_id) from journal_entry where subject_type = 'node-test'")
			.query(Long.class)
			.single()).isEqualTo(2L * THREADS_PER_NODE);
	}

	private static Callable<Integer> writer(ConfigurableApplicationContext node, String name) {
		Journal journal = node.getBean(Journal.class);
		TransactionTemplate transaction = node.getBean(TransactionTemplate.class);
		return () -> {
			for (int i = 0; i < ENTRIES_PER_THREAD; i++) {
				int n = i;
				transaction.executeWithoutResult(
						(status) -> journal.record("node-test", name, "Written", Map.of("n", n, "writer", name)));
			}
			return ENTRIES_PER_THREAD;
		};
	}

	@Test
	void aSessionOpenedOnOneNodeIsValidOnTheOther() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String a = "http://localhost:" + port(nodeA);
		String b = "http://localhost:" + port(nodeB);
		String loginPage = client
			.send(HttpRequest.newBuilder(URI.create(a + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
		String form = "username=office&password=" + URLEncoder.encode("Ducha-2026-demo", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(a + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.headers().map().toString()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).as(loginPage).doesNotContain("error");

		HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(b + "/api/me")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"login\":\"office\"");
	}

	@Test
	void aSessionIdleForThirtyMinutesEndsAndTheUserIsToldSo() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String a = "http://localhost:" + port(nodeA);
		signIn(client, a, "leader");
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'leader'")
			.query(Integer.class)
			.list()).containsOnly(30 * 60);
		HttpResponse<String> before = client.send(HttpRequest.newBuilder(URI.create(a + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(before.statusCode()).isEqualTo(200);

		// Thirty-one idle minutes, as the session store sees them.
		jdbc.sql("update spring_session set last_access_time = last_access_time - 1860000, "
				+ "expiry_time = last_access_time - 60000 where principal_name = 'leader'")
			.update();
		HttpResponse<String> after = client.send(HttpRequest.newBuilder(URI.create(a + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
	}

	private static void signIn(HttpClient client, String node, String login) throws Exception {
		String loginPage = client
			.send(HttpRequest.newBuilder(URI.create(node + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + login + "&password=" + URLEncoder.encode("Ducha-2026-demo", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(node + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

}
