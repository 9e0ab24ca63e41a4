package org.ducha.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Error pages give a reference that leads to the log entry, and a way back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ErrorPageTests {

	private static final Pattern REFERENCE = Pattern.compile("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

	@Autowired
	private MockMvc mvc;

	@Test
	void aServerErrorShowsAReferenceThatTheLogHasWithTheException(CapturedOutput output) throws Exception {
		String page = this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/rounds/7")
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("pool exhausted")))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(allOf(containsString("错误编号"), not(containsString("pool exhausted")))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher shown = REFERENCE.matcher(page);
		assertThat(shown.find()).as("a reference on the page").isTrue();
		assertThat(output.getOut()).containsPattern("ERROR .*Error " + shown.group() + ": 500 on /rounds/7")
			.contains("java.lang.IllegalStateException: pool exhausted");
	}

	@Test
	void everyErrorHasAReferenceOfItsOwn() throws Exception {
		assertThat(referenceOn(notFoundPage())).isNotEqualTo(referenceOn(notFoundPage()));
	}

	private String notFoundPage() throws Exception {
		return this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void anApiErrorCarriesItsReferenceToo() throws Exception {
		this.mvc
			.perform(get("/error").accept(MediaType.APPLICATION_JSON)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("pool exhausted")))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.reference").value(matchesPattern(REFERENCE)));
	}

	@Test
	void theErrorPageLeadsBackToThePageThePersonCameFrom() throws Exception {
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.header(HttpHeaders.HOST, "ducha.example.gov.cn")
				.header(HttpHeaders.REFERER, "https://ducha.example.gov.cn/ledger?clock=RED&page=2"))
			.andExpect(content().string(
					allOf(containsString("href=\"/ledger?clock=RED&amp;page=2\">返回上一页</a>"), containsString("返回首页"))));
	}

	@Test
	void aFormThatFailedSaysHowToGetWhatWasTypedBack() throws Exception {
		this.mvc
			.perform(post("/error").with(csrf())
				.accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500))
			.andExpect(content().string(containsString("已填写的内容通常还在")));
		this.mvc
			.perform(post("/error").with(csrf())
				.accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413))
			.andExpect(content().string(not(containsString("已填写的内容通常还在"))));
	}

	private static String referenceOn(String page) {
		Matcher shown = REFERENCE.matcher(page);
		assertThat(shown.find()).as("a reference on the page").isTrue();
		return shown.group();
	}

}
