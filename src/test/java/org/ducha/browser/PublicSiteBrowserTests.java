package org.ducha.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.ducha.DuchaApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a citizen sees in a real headless Chromium, on an office PC and on a phone: the
 * public home at the site's address without signing in, the published table it leads to;
 * and, on a phone, staff pages whose navigation folds away and whose work queue, like the
 * public table, fits the screen instead of scrolling sideways. With the demo round, which
 * is stationed now and has published its first batch.
 */
@Tag("browser")
class PublicSiteBrowserTests {

	private static ConfigurableApplicationContext application;

	private static String base;

	private ChromeDriver browser;

	/** One application for the class: its tests only read. */
	@BeforeAll
	static void startApplication() throws Exception {
		Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
		Path files = Files.createTempDirectory("ducha-public");
		application = new SpringApplicationBuilder(DuchaApplication.class).run("--server.port=0", "--ducha.demo=true",
				"--ducha.demo.cases=true", "--ducha.data-dir=" + files);
		base = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
	}

	@AfterAll
	static void stopApplication() {
		if (application != null) {
			application.close();
		}
	}

	@BeforeEach
	void startBrowser() throws Exception {
		this.browser = Browser.start();
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aVisitorAtTheSitesAddressReadsTheTeamsHotlineAndPublishedTablesWithoutSigningIn() {
		this.browser.get(base + "/");
		assertThat(this.browser.getCurrentUrl()).isEqualTo(base + "/");
		assertThat(heading()).isEqualTo("生态环境保护督察信息公开");
		assertThat(main()).contains("正在进驻的督察组", "第三轮江西省生态环境保护督察（萍乡市）", "江西省第三生态环境保护督察组", "萍乡市");
		assertThat(this.browser.findElement(By.cssSelector("a.public-round__hotline")).getAttribute("href"))
			.isEqualTo("tel:07996823000");

		Browser.clickAndWaitForNextPage(this.browser, By.partialLinkText("第1批 边督边改公开情况一览表"), Duration.ofSeconds(10));
		assertThat(heading()).contains("第1批 边督边改公开情况一览表");
		assertThat(this.browser.findElements(By.cssSelector("table.disclosure tbody tr"))).isNotEmpty();

		this.browser.get(base + "/login");
		Browser.clickAndWaitForNextPage(this.browser, By.partialLinkText("无需登录"), Duration.ofSeconds(10));
		assertThat(heading()).isEqualTo("生态环境保护督察信息公开");
	}

	@Test
	void onAPhoneThePublicPagesFitTheScreen() {
		Browser.emulatePhone(this.browser);
		this.browser.get(base + "/");
		assertThat(heading()).isEqualTo("生态环境保护督察信息公开");
		assertThat(documentWidth()).as("the public home's width").isLessThanOrEqualTo(Browser.PHONE_WIDTH);
		assertThat(this.browser.findElement(By.cssSelector("a.public-round__hotline")).isDisplayed()).isTrue();

		Browser.clickAndWaitForNextPage(this.browser, By.partialLinkText("第1批 边督边改公开情况一览表"), Duration.ofSeconds(10));
		assertThat(documentWidth()).as("the public table's width").isLessThanOrEqualTo(Browser.PHONE_WIDTH);
		assertThat(scrollsSideways(By.cssSelector("main .table-wrap"))).as("the table scrolls sideways").isFalse();
		WebElement card = this.browser.findElement(By.cssSelector("table.disclosure tbody tr"));
		assertThat(card.getCssValue("display")).as("each row a card").isEqualTo("block");
		assertThat(card.getRect().getWidth()).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
		assertThat(label(card.findElement(By.cssSelector("td:nth-child(3)")))).isEqualTo("\"交办问题基本情况\"");
	}

	@Test
	void onAPhoneTheNavigationFoldsAwayAndTheWorkQueueIsACardPerCase() {
		Browser.emulatePhone(this.browser);
		this.browser.get(base + "/login");
		this.browser.findElement(By.id("username")).sendKeys("office");
		this.browser.findElement(By.id("password")).sendKeys("Ducha-2026-demo");
		Browser.clickAndWaitForNextPage(this.browser, By.cssSelector("main form button[type=submit]"),
				Duration.ofSeconds(10));

		this.browser.get(base + "/work");
		WebElement navigation = this.browser.findElement(By.cssSelector("nav.navigation"));
		assertThat(navigation.getRect().getHeight()).as("the folded navigation's height").isLessThan(60);
		assertThat(this.browser.findElement(By.tagName("h1")).getRect().getY()).as("where the page's heading starts")
			.isLessThan(Browser.PHONE_HEIGHT / 2);
		WebElement workLink = navigation.findElement(By.cssSelector(".navigation__list a[href='/work']"));
		assertThat(workLink.isDisplayed()).isFalse();
		assertThat(documentWidth()).as("the work queue's width").isLessThanOrEqualTo(Browser.PHONE_WIDTH);
		assertThat(scrollsSideways(By.cssSelector("main .table-wrap"))).as("the queue scrolls sideways").isFalse();
		WebElement card = this.browser.findElement(By.cssSelector("main table tbody tr"));
		assertThat(card.getCssValue("display")).as("each case a card").isEqualTo("block");
		assertThat(label(card.findElement(By.cssSelector("td:nth-child(2)")))).isEqualTo("\"受理编号\"");

		navigation.findElement(By.linkText("菜单")).click();
		assertThat(workLink.isDisplayed()).as("the menu opened").isTrue();
		navigation.findElement(By.linkText("收起菜单")).click();
		assertThat(workLink.isDisplayed()).as("the menu closed again").isFalse();
	}

	private String heading() {
		return this.browser.findElement(By.tagName("h1")).getText();
	}

	private String main() {
		return this.browser.findElement(By.tagName("main")).getText();
	}

	/**
	 * How wide the document is laid out, in CSS pixels: wider than the screen scrolls.
	 */
	private long documentWidth() {
		return (Long) this.browser.executeScript("return document.documentElement.scrollWidth;");
	}

	private boolean scrollsSideways(By what) {
		return (Boolean) this.browser.executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth;",
				this.browser.findElement(what));
	}

	/** The label a card shows above a value, from the cell's {@code data-label}. */
	private String label(WebElement cell) {
		return (String) this.browser.executeScript("return getComputedStyle(arguments[0], '::before').content;", cell);
	}

}
