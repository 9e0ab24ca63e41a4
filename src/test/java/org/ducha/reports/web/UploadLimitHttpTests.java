package org.ducha.reports.web;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ducha.DuchaApplication;
import org.ducha.petitions.PetitionManagement;
import org.ducha.rounds.RoundManagement;
import org.ducha.testing.Cases;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files above the servlet container's multipart limit, sent to a real Tomcat the way a
 * browser sends them: the container refuses them while it parses the form, before any
 * controller runs, and the person still gets the application's page in their language,
 * never the container's own English error page.
 */
@Tag("database")
class UploadLimitHttpTests {

	/** Above {@code spring.servlet.multipart.max-file-size} (21 MB). */
	private static final int TOO_LARGE = 23 * 1024 * 1024;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static ConfigurableApplicationContext application;

	static String base;

	static long batchId;

	static long petitionId;

	@BeforeAll
	static void start() {
		application = new SpringApplicationBuilder(DuchaApplication.class).run("--server.port=0", "--ducha.demo=true",
				"--ducha.demo.cases=false");
		base = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
		Demo.signIn(application.getBean(UserDetailsService.class), "office");
		try {
			RoundManagement rounds = application.getBean(RoundManagement.class);
			Clock clock = application.getBean(Clock.class);
			long round = Cases.round(rounds);
			batchId = Cases.batch(rounds, round, 2, clock.instant().minus(Duration.ofHours(2)));
			PetitionManagement petitions = application.getBean(PetitionManagement.class);
			petitionId = petitions.register(batchId, Cases.airComplaint("D3JX202611210001", clock.instant()));
			long lead = application.getBean(JdbcClient.class)
				.sql("select id from unit where name = '萍乡市生态环境局'")
				.query(Long.class)
				.single();
			petitions.assign(petitionId, 0, lead, List.of(), List.of());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
	}

	@Test
	void aWorkbookAboveTheContainersLimitShowsTheImportPageWithTheLimitInEitherLanguage() throws Exception {
		HttpClient office = signedIn("office");
		String action = uploadAction(office, "/batches/" + batchId + "/import");
		HttpResponse<String> chinese = upload(office, action);
		assertThat(chinese.body()).doesNotContain("HTTP Status 413")
			.contains("超过上限 20.0 MB")
			.contains("enctype=\"multipart/form-data\"");
		assertThat(chinese.statusCode()).isEqualTo(200);
		HttpResponse<String> english = upload(office, uploadAction(office, "/batches/" + batchId + "/import?lang=en"));
		assertThat(english.body()).contains("more than the limit of 20.0 MB");
		assertThat(application.getBean(JdbcClient.class)
			.sql("select count(*) from petition where batch_id = ?")
			.param(batchId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void evidenceAboveTheContainersLimitShowsTheApplicationsOwnErrorPage() throws Exception {
		HttpClient handler = signedIn("handler");
		String action = uploadAction(handler, "/petitions/" + petitionId + "/evidence");
		HttpResponse<String> response = upload(handler, action);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).doesNotContain("HTTP Status 413").contains("上传的文件太大");
	}

	private static HttpClient signedIn(String login) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Matcher csrf = CSRF.matcher(get(client, "/login").body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + login + "&password=" + URLEncoder.encode(Demo.PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return client;
	}

	private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** The upload form's action as the page gives it, with its CSRF token. */
	private static String uploadAction(HttpClient client, String page) throws Exception {
		String html = get(client, page).body();
		Matcher form = Pattern.compile("<form[^>]*multipart/form-data[^>]*>").matcher(html);
		assertThat(form.find()).as(html).isTrue();
		Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
		assertThat(action.find()).isTrue();
		String url = HtmlUtils.htmlUnescape(action.group(1));
		return url.contains("?") ? url : url + "?";
	}

	private static HttpResponse<String> upload(HttpClient client, String action) throws Exception {
		String boundary = "----ducha" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream(TOO_LARGE + 1024);
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"第2批.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(new byte[TOO_LARGE]);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return client.send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
