package org.ducha.browser;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.ducha.DuchaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh installation in a real headless Chromium: the initial administrator signs in
 * with the one-time password printed at start-up, is made to change it, creates a unit
 * and a user, and the new user signs in (and is made to change their initial password
 * too).
 */
@Tag("browser")
@ExtendWith(OutputCaptureExtension.class)
class FirstStartBrowserTests {

	private ConfigurableApplicationContext application;

	private WebDriver browser;

	private String base;

	@BeforeEach
	void start(CapturedOutput output) throws Exception {
		Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
		this.application = new SpringApplicationBuilder(DuchaApplication.class).run("--server.port=0",
				"--ducha.demo=false");
		this.base = "http://localhost:" + ((WebServerApplicationContext) this.application).getWebServer().getPort();
		this.browser = Browser.start();
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
	void initialAdministratorSetsUpAUnitAndAUserWhoThenSignsIn(CapturedOutput output) {
		Matcher printed = Pattern.compile("login: admin\\s+one-time password: (\\S+)").matcher(output.getOut());
		assertThat(printed.find()).as("the one-time password is printed at first start").isTrue();
		String oneTimePassword = printed.group(1);

		signIn("admin", oneTimePassword);
		assertThat(this.browser.getCurrentUrl()).endsWith("/password");
		changePassword(oneTimePassword, "Chosen-pass-2026");
		assertThat(this.browser.findElement(By.tagName("header")).getText()).contains("系统管理员");

		this.browser.get(this.base + "/units/new");
		this.browser.findElement(By.id("name")).sendKeys("湘东区生态环境分局");
		new Select(this.browser.findElement(By.id("kind"))).selectByValue("DEPARTMENT");
		submit();
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("湘东区生态环境分局");
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText()).contains("单位已新增");

		submit(By.linkText("在本单位新增用户"));
		this.browser.findElement(By.id("login")).sendKeys("wangli");
		this.browser.findElement(By.id("displayName")).sendKeys("王丽");
		this.browser.findElement(By.id("password")).sendKeys("Initial-pass-2026");
		submit();
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("王丽");

		signOut();
		signIn("wangli", "Initial-pass-2026");
		assertThat(this.browser.getCurrentUrl()).endsWith("/password");
		changePassword("Initial-pass-2026", "Own-choice-2026");
		String header = this.browser.findElement(By.tagName("header")).getText();
		assertThat(header).contains("王丽").contains("湘东区生态环境分局");
	}

	@Test
	void wrongPasswordShowsTheReasonInTheErrorSummary(CapturedOutput output) {
		signIn("admin", "not-the-password");
		assertThat(this.browser.findElement(By.cssSelector(".error-summary")).getText()).contains("用户名或密码错误");
		this.browser.get(this.base + "/login?lang=en");
		signIn("admin", "still-not-it");
		assertThat(this.browser.findElement(By.cssSelector(".error-summary")).getText())
			.contains("login name or password is wrong");
	}

	private void signIn(String login, String password) {
		this.browser.get(this.base + "/login");
		this.browser.findElement(By.id("username")).sendKeys(login);
		this.browser.findElement(By.id("password")).sendKeys(password);
		submit();
	}

	private void changePassword(String current, String chosen) {
		this.browser.findElement(By.id("currentPassword")).sendKeys(current);
		this.browser.findElement(By.id("newPassword")).sendKeys(chosen);
		this.browser.findElement(By.id("confirmation")).sendKeys(chosen);
		submit();
	}

	private void submit() {
		submit(By.cssSelector("main form button[type=submit]"));
	}

	/** Clicks and waits until the next page has replaced this one. */
	private void submit(By what) {
		Browser.clickAndWaitForNextPage(this.browser, what, Duration.ofSeconds(10));
	}

	private void signOut() {
		submit(By.cssSelector("form[action$='/logout'] button"));
	}

}
