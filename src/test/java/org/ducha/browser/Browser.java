package org.ducha.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver, headless. Nothing is downloaded: the test is
 * skipped when they are not installed ({@code .ci/run} installs them and checks that the
 * browser tests ran).
 */
final class Browser {

	static final String CHROMIUM = System.getProperty("ducha.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("ducha.chromedriver", "/usr/bin/chromedriver");

	/** A phone's viewport in CSS pixels, see {@link #emulatePhone}. */
	static final int PHONE_WIDTH = 390;

	static final int PHONE_HEIGHT = 844;

	private Browser() {
	}

	/**
	 * Clicks and waits until the next page has replaced this one. While the old document
	 * is being torn down, Chromium may answer a query about its root with an inspector
	 * error ("Node with given id does not belong to the document") instead of a stale
	 * element reference; both mean the page is gone.
	 */
	static void clickAndWaitForNextPage(WebDriver browser, By what, Duration timeout) {
		clickAndWaitForNextPage(browser, browser.findElement(what), timeout);
	}

	static void clickAndWaitForNextPage(WebDriver browser, WebElement button, Duration timeout) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		new WebDriverWait(browser, timeout).until((driver) -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/**
	 * Chooses a unit in a unit picker ({@code fragments/units :: picker}) by clicking its
	 * label, as a person does.
	 */
	static void pickUnit(WebDriver browser, String pickerId, String unitName) {
		unitLabel(browser, pickerId, unitName).click();
	}

	/** The label of a unit in a unit picker. */
	static WebElement unitLabel(WebDriver browser, String pickerId, String unitName) {
		return browser.findElement(By.id(pickerId))
			.findElement(By.xpath(".//label[span[@class='unit-picker__name' and text()='" + unitName + "']]"));
	}

	/**
	 * Makes the page a phone's: a 390 × 844 viewport (an iPhone 12 to 15) at three device
	 * pixels per CSS pixel, as a mobile browser lays it out.
	 */
	static void emulatePhone(ChromeDriver browser) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 3, "mobile", true));
	}

	/** Back to the desktop window the browser started with. */
	static void emulateDesktop(ChromeDriver browser) {
		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	static boolean installed() {
		return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
	}

	static ChromeDriver start() throws Exception {
		Path profile = Files.createTempDirectory("ducha-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1366,768", "--lang=zh-CN", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

}
