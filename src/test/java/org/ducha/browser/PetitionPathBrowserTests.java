package org.ducha.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.ducha.DuchaApplication;
import org.ducha.reports.TestWorkbooks;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.Cases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * The whole path of a case in a real headless Chromium: the office imports a batch from
 * Excel and assigns it; the handler attaches evidence and reports; the office returns the
 * report, the handler supplements, the office approves and publishes the batch; the
 * public page shows the row with the phone number in the complaint redacted; the office
 * records satisfaction and closes the case.
 */
@Tag("browser")
class PetitionPathBrowserTests {

	private static final String PASSWORD = "Ducha-2026-demo";

	private ConfigurableApplicationContext application;

	private WebDriver browser;

	private String base;

	private long batchId;

	private Path files;

	@BeforeEach
	void start() throws Exception {
		Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
		this.files = Files.createTempDirectory("ducha-browser");
		this.application = new SpringApplicationBuilder(DuchaApplication.class).run("--server.port=0",
				"--ducha.demo=true", "--ducha.demo.cases=false", "--ducha.data-dir=" + this.files);
		this.base = "http://localhost:" + ((WebServerApplicationContext) this.application).getWebServer().getPort();
		this.batchId = roundAndBatch();
		this.browser = Browser.start();
	}

	/**
	 * The round and the batch record exist before the path starts: the office made them.
	 */
	private long roundAndBatch() {
		UserDetails office = this.application.getBean(UserDetailsService.class).loadUserByUsername("office");
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
		try {
			RoundManagement rounds = this.application.getBean(RoundManagement.class);
			long round = Cases.round(rounds);
			return Cases.batch(rounds, round, 1,
					this.application.getBean(Clock.class).instant().minus(Duration.ofHours(3)));
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

	@Test
	void aCaseGoesFromImportToPublishedAndClosed() throws Exception {
		Path sheet = this.files.resolve("第1批.xlsx");
		Files.write(sheet, TestWorkbooks
			.batch(TestWorkbooks.row("D3JX202611210001", "湘东区下埠镇某石材加工厂夜间切割石材，噪声很大，粉尘飘到居民家里。举报人电话13907990001，请尽快处理。")));
		Path photo = this.files.resolve("现场照片.png");
		Files.write(photo, png());

		signIn("office");
		this.browser.get(this.base + "/batches/" + this.batchId + "/import");
		this.browser.findElement(By.cssSelector("input[type=file]")).sendKeys(sheet.toString());
		submit(By.cssSelector("main form button[type=submit]"));
		assertThat(banner()).contains("1");
		submit(By.cssSelector("form[action$='/receive'] button"));
		this.browser.findElement(By.cssSelector("input[name=ids]")).click();
		Browser.pickUnit(this.browser, "leadUnitId", "萍乡市生态环境局");
		Browser.pickUnit(this.browser, "territorialUnitIds", "湘东区人民政府");
		submit(By.cssSelector("form[action$='/assign'] button[type=submit]"));
		assertThat(banner()).contains("1");
		long id = caseId("D3JX202611210001");
		signOut();

		signIn("handler");
		this.browser.get(this.base + "/petitions/" + id);
		assertThat(main()).contains("举报人电话***********").doesNotContain("13907990001");
		this.browser.get(this.base + "/petitions/" + id + "/evidence");
		this.browser.findElement(By.id("file")).sendKeys(photo.toString());
		submit(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
		this.browser.get(this.base + "/petitions/" + id + "/report");
		type("findings", "经调查，举报基本属实。该厂夜间违规生产，切割粉尘未收集处理。");
		this.browser.findElement(By.id("verdict-MOSTLY_TRUE")).click();
		type("handling", "责令该厂立即停止夜间生产，加装除尘设施，对噪声超标行为立案查处。");
		type("accountability", "对企业负责人约谈1人次。");
		for (String figure : List.of("personsAccountable", "casesFiled", "detentions", "enterprisesRectify",
				"enterprisesClosed")) {
			type(figure, "0");
		}
		type("finesWan", "0");
		type("enterpriseSide", "企业未落实夜间停产要求。");
		type("regulatorSide", "下埠镇日常巡查不到位。");
		this.browser.findElement(By.id("completion-CLOSED")).click();
		submit(By.cssSelector("button[name=next][value=check]"));
		submit(By.cssSelector("form[action$='/report/submit'] button"));
		signOut();

		signIn("office");
		this.browser.get(this.base + "/petitions/" + id + "/review");
		type("comment", "请补充夜间噪声监测数据。");
		submit(By.cssSelector("form[action$='/review/return'] button"));
		assertThat(banner()).contains("补充");
		signOut();

		signIn("handler");
		this.browser.get(this.base + "/petitions/" + id + "/report");
		type("findings", "经调查，举报基本属实。夜间监测厂界噪声62分贝，超过标准。");
		submit(By.cssSelector("button[name=next][value=check]"));
		submit(By.cssSelector("form[action$='/report/submit'] button"));
		signOut();

		signIn("office");
		this.browser.get(this.base + "/petitions/" + id + "/review");
		submit(By.cssSelector("form[action$='/review/approve'] button"));
		this.browser.get(this.base + "/batches/" + this.batchId + "/disclosure");
		assertThat(main()).contains("13907990001");
		submit(By.cssSelector("form[action$='/disclosure'] button"));
		String publicPage = this.browser.getCurrentUrl();
		signOut();

		this.browser.get(publicPage);
		assertThat(main()).contains("D3JX202611210001")
			.contains("举报人电话***********")
			.contains("夜间监测厂界噪声62分贝")
			.doesNotContain("13907990001")
			.doesNotContain("张三");

		signIn("office");
		this.browser.get(this.base + "/petitions/" + id);
		this.browser.findElement(By.cssSelector("form[action$='/satisfaction']"))
			.findElement(By.xpath("./ancestor::details/summary"))
			.click();
		this.browser.findElement(By.id("case-answer-SATISFIED")).click();
		type("case-satisfaction-note", "回访群众，对处理结果满意。");
		submit(By.cssSelector("form[action$='/satisfaction'] button"));
		for (String condition : List.of("PROBLEM_CLEAR", "RECTIFIED", "RESPONSIBILITY_FIXED", "ACCOUNTABILITY_DONE",
				"INFORMATION_PUBLIC")) {
			WebElement form = this.browser
				.findElement(By.cssSelector("form[action$='/conditions/" + condition + "/met']"));
			form.findElement(By.xpath("./ancestor::details/summary")).click();
			form.findElement(By.tagName("textarea")).sendKeys("已核实。");
			submit(form.findElement(By.tagName("button")));
		}
		this.browser.get(this.base + "/petitions/" + id + "/close");
		submit(By.cssSelector("main form button[type=submit]"));
		this.browser.get(this.base + "/petitions/" + id);
		assertThat(main()).contains("已办结销号");
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

	private String banner() {
		return this.browser.findElement(By.cssSelector("[role=status]")).getText();
	}

	private void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void signIn(String login) {
		this.browser.get(this.base + "/login");
		this.browser.findElement(By.id("username")).sendKeys(login);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		submit(By.cssSelector("main form button[type=submit]"));
	}

	private void signOut() {
		submit(By.cssSelector("form[action$='/logout'] button"));
	}

	private void submit(By what) {
		submit(this.browser.findElement(what));
	}

	/** Clicks and waits until the next page has replaced this one. */
	private void submit(WebElement button) {
		Browser.clickAndWaitForNextPage(this.browser, button, Duration.ofSeconds(15));
	}

	/** The smallest valid PNG: one transparent pixel. */
	private static byte[] png() {
		return java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
	}

}
