package org.ducha.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ducha.DuchaApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) in headless Chromium on the pages each role
 * works in all day, filled with the demo round, on the public pages a visitor reads, on a
 * form showing its error summary, and on a phone's screen for the public home and table
 * and the work queue with its menu open. Every violation on every page is listed at once,
 * with the elements it concerns.
 */
@Tag("browser")
class AccessibilityBrowserTests {

	private static final String PASSWORD = "Ducha-2026-demo";

	private static final String RUN_AXE = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
			  .then((result) => done(result.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at '
			    + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))))
			  .catch((error) => done(['axe failed: ' + error]));
			""";

	private ConfigurableApplicationContext application;

	private ChromeDriver browser;

	private String base;

	private String axe;

	private final List<String> violations = new ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
		Path files = Files.createTempDirectory("ducha-a11y");
		this.application = new SpringApplicationBuilder(DuchaApplication.class).run("--server.port=0",
				"--ducha.demo=true", "--ducha.demo.cases=true", "--ducha.data-dir=" + files);
		this.base = "http://localhost:" + ((WebServerApplicationContext) this.application).getWebServer().getPort();
		this.axe = axeScript();
		this.browser = Browser.start();
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.application != null) {
			this.application.close();
		}
	}

	@Test
	void thePagesOfEveryRoleMeetWcag21AA() {
		long round = id("select min(id) from inspection_round");
		long batch = id("select min(id) from transfer_batch");
		long approved = id("select min(id) from petition where verdict is not null");
		long open = id("select min(p.id) from petition p join petition_assignment a on a.petition_id = p.id "
				+ "where p.verdict is null and a.role = 'LEAD' and a.unit_id = (select unit_id from app_user where login = 'handler')");
		long table = id("select min(id) from disclosure_table");

		check("/");
		check("/public/disclosures");
		check("/public/disclosures/" + table);
		onPhone(() -> {
			check("/");
			check("/public/disclosures/" + table);
		});
		check("/login");
		signIn("nobody", "wrong-password");
		check("/login?error=bad");

		signIn("office", PASSWORD);
		for (String page : List.of("/", "/work", "/rounds", "/rounds/" + round, "/rounds/new", "/batches/" + batch,
				"/batches/" + batch + "/import", "/batches/" + batch + "/petitions/new",
				"/batches/" + batch + "/disclosure", "/petitions/" + approved,
				"/petitions/" + approved + "/satisfaction", "/petitions/" + approved + "/close", "/petitions/" + open,
				"/petitions/" + open + "/review", "/ledger", "/ledger?clock=RED", "/look-backs")) {
			check(page);
		}
		// A form sent empty shows its error summary and the message beside each field.
		this.browser.get(this.base + "/rounds/new");
		submit(By.cssSelector("main form button[type=submit]"));
		assertThat(this.browser.findElements(By.cssSelector(".error-summary, [role=alert]"))).isNotEmpty();
		checkCurrent("/rounds/new, sent empty");
		onPhone(() -> {
			check("/work");
			this.browser.findElement(By.linkText("菜单")).click();
			checkCurrent("/work, menu open");
		});
		signOut();

		signIn("handler", PASSWORD);
		for (String page : List.of("/", "/work", "/petitions/" + open, "/petitions/" + open + "/report",
				"/petitions/" + open + "/evidence", "/ledger")) {
			check(page);
		}
		signOut();

		signIn("sysadmin", PASSWORD);
		check("/calendar");
		signOut();

		signIn("auditor", PASSWORD);
		check("/audit/journal");
		check("/audit/security-log");
		signOut();

		assertThat(this.violations).as("accessibility violations").isEmpty();
	}

	private boolean phone;

	private void check(String path) {
		this.browser.get(this.base + path);
		checkCurrent(path);
	}

	/** Checks the pages {@code checks} opens laid out on a phone's screen. */
	private void onPhone(Runnable checks) {
		Browser.emulatePhone(this.browser);
		this.phone = true;
		try {
			checks.run();
		}
		finally {
			this.phone = false;
			Browser.emulateDesktop(this.browser);
		}
	}

	@SuppressWarnings("unchecked")
	private void checkCurrent(String label) {
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		script.executeScript(this.axe);
		List<Object> found = (List<Object>) script.executeAsyncScript(RUN_AXE);
		String where = this.phone ? label + " (phone)" : label;
		found.forEach((violation) -> this.violations.add(where + " — " + violation));
	}

	private void signIn(String login, String password) {
		this.browser.get(this.base + "/login");
		this.browser.findElement(By.id("username")).sendKeys(login);
		this.browser.findElement(By.id("password")).sendKeys(password);
		submit(By.cssSelector("main form button[type=submit]"));
	}

	private void signOut() {
		submit(By.cssSelector("form[action$='/logout'] button"));
	}

	/** Clicks and waits until the next page has replaced this one. */
	private void submit(By what) {
		Browser.clickAndWaitForNextPage(this.browser, what, Duration.ofSeconds(10));
	}

	private long id(String sql) {
		Long id = this.application.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
		assertThat(id).as(sql).isNotNull();
		return id;
	}

	private static String axeScript() throws IOException {
		try (InputStream in = AccessibilityBrowserTests.class.getResourceAsStream("/axe.min.js")) {
			assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
