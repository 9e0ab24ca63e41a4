package org.ducha.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, headless. Nothing is downloaded: the test is
 * skipped when they are not installed ({@code .ci/run} installs them and checks that the
 * browser tests ran).
 */
final class Browser {

	static final String CHROMIUM = System.getProperty("ducha.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("ducha.chromedriver", "/usr/bin/chromedriver");

	private Browser() {
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
