package org.ducha.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.ducha.DuchaApplication;
import org.ducha.petitions.PetitionManagement;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.Cases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office assigns one case by hand, with co-unit and territorial government, then
 * assigns the whole batch at once: the case assigned by hand keeps its units and the
 * banner says it was skipped; replacing it takes an explicit step that lists what
 * changes. On an office screen and on a phone.
 */
@Tag("browser")
class BulkAssignmentBrowserTests {

	private static final String PASSWORD = "Ducha-2026-demo";

	private static final List<String> NUMBERS = List.of("D3JX202611210001", "D3JX202611210002", "D3JX202611210003");

	private ConfigurableApplicationContext application;

	private WebDriver browser;

	private String base;

	private long batchId;

	private void start(String screen) throws Exception {
		Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
		Path files = Files.createTempDirectory("ducha-bulk");
		this.application = new SpringApplicationBuilder(DuchaApplication.class).run("--server.port=0",
				"--ducha.demo=true", "--ducha.demo.cases=false", "--ducha.data-dir=" + files);
		this.base = "http://localhost:" + ((WebServerApplicationContext) this.application).getWebServer().getPort();
		this.batchId = batchOfThreeCases();
		this.browser = Browser.start();
		if (screen.equals("phone")) {
			this.browser.manage().window().setSize(new Dimension(390, 844));
		}
	}

	/** The office registered the batch's three cases before the test starts. */
	private long batchOfThreeCases() {
		UserDetails office = this.application.getBean(UserDetailsService.class).loadUserByUsername("office");
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
		try {
			RoundManagement rounds = this.application.getBean(RoundManagement.class);
			PetitionManagement petitions = this.application.getBean(PetitionManagement.class);
			Instant transferred = this.application.getBean(Clock.class).instant().minus(Duration.ofHours(3));
			long batch = Cases.batch(rounds, Cases.round(rounds), 1, transferred);
			NUMBERS.forEach((number) -> petitions.register(batch, Cases.airComplaint(number, transferred)));
			return batch;
		}
		finally {
			SecurityContextHolder.clearContext();
		}
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

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "phone" })
	void bulkAssignmentSkipsACaseAssignedByHandAndReplacesItOnlyWhenConfirmed(String screen) throws Exception {
		start(screen);
		long byHand = caseId(NUMBERS.get(0));
		signIn("office");

		this.browser.get(this.base + "/petitions/" + byHand);
		WebElement filter = this.browser.findElement(By.id("leadUnitId-filter"));
		assertThat(filter.isDisplayed()).as("the filter box shows with JavaScript").isTrue();
		filter.sendKeys("生态环境局");
		assertThat(Browser.unitLabel(this.browser, "leadUnitId", "萍乡市水利局").isDisplayed())
			.as("the filter hides units that do not match")
			.isFalse();
		Browser.pickUnit(this.browser, "leadUnitId", "萍乡市生态环境局");
		Browser.pickUnit(this.browser, "coUnitIds", "萍乡市水利局");
		Browser.pickUnit(this.browser, "territorialUnitIds", "湘东区人民政府");
		if (screen.equals("phone")) {
			assertThat(this.browser.findElement(By.id("coUnitIds-list")).getRect().getWidth())
				.as("the unit list fits the phone's width")
				.isLessThanOrEqualTo(390);
		}
		submit(By.cssSelector("form[action$='/petitions/" + byHand + "/assign'] button[type=submit]"));
		assertThat(unitsOf(byHand)).containsExactlyInAnyOrder("LEAD 萍乡市生态环境局", "CO 萍乡市水利局", "TERRITORIAL 湘东区人民政府");

		this.browser.get(this.base + "/batches/" + this.batchId);
		this.browser.findElements(By.cssSelector("input[name=ids]")).forEach(WebElement::click);
		Browser.pickUnit(this.browser, "leadUnitId", "萍乡市自然资源局");
		submit(By.cssSelector("form[action$='/batches/" + this.batchId + "/assign'] button[type=submit]"));
		String summary = this.browser.findElement(By.id("assign-summary")).getText();
		assertThat(summary).contains("所选 3 件中，新交办 2 件")
			.contains("跳过 1 件已交办的信访件")
			.contains(NUMBERS.get(0))
			.contains("主办：萍乡市生态环境局");
		assertThat(unitsOf(byHand)).as("the bulk step kept the units chosen by hand")
			.containsExactlyInAnyOrder("LEAD 萍乡市生态环境局", "CO 萍乡市水利局", "TERRITORIAL 湘东区人民政府");
		assertThat(unitsOf(caseId(NUMBERS.get(1)))).containsExactly("LEAD 萍乡市自然资源局");

		this.browser.get(this.base + "/batches/" + this.batchId);
		this.browser.findElement(By.id("case-" + byHand)).click();
		Browser.pickUnit(this.browser, "leadUnitId", "萍乡市自然资源局");
		this.browser.findElement(By.cssSelector("label[for=existing-replace]")).click();
		submit(By.cssSelector("form[action$='/batches/" + this.batchId + "/assign'] button[type=submit]"));
		assertThat(main()).contains("确认替换交办单位")
			.contains("主办 萍乡市生态环境局 → 萍乡市自然资源局")
			.contains("不再协办：萍乡市水利局")
			.contains("不再属地：湘东区人民政府");
		assertThat(unitsOf(byHand)).as("nothing is replaced before the office confirms").hasSize(3);
		submit(By.cssSelector("form[action$='/assign/confirmed'] button[type=submit]"));
		assertThat(this.browser.findElement(By.id("assign-summary")).getText()).contains("已替换 1 件的交办单位")
			.contains(NUMBERS.get(0));
		assertThat(unitsOf(byHand)).containsExactly("LEAD 萍乡市自然资源局");
	}

	private List<String> unitsOf(long petitionId) {
		return this.application.getBean(JdbcClient.class)
			.sql("select a.role || ' ' || u.name from petition_assignment a join unit u on u.id = a.unit_id"
					+ " where a.petition_id = ? order by a.role")
			.param(petitionId)
			.query(String.class)
			.list();
	}

	private long caseId(String receiptNumber) {
		return this.application.getBean(JdbcClient.class)
			.sql("select id from petition where receipt_number = ?")
			.param(receiptNumber)
			.query(Long.class)
			.single();
	}

	private String main() {
		return this.browser.findElement(By.tagName("main")).getText();
	}

	private void signIn(String login) {
		this.browser.get(this.base + "/login");
		this.browser.findElement(By.id("username")).sendKeys(login);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		submit(By.cssSelector("main form button[type=submit]"));
	}

	private void submit(By what) {
		Browser.clickAndWaitForNextPage(this.browser, what, Duration.ofSeconds(15));
	}

}
