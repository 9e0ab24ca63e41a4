package org.ducha.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPageResolverTest {

	private final ResourceBundleMessageSource messages = messages();

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages/common");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Test
	void anUploadTheServerRefusesAsTooLargeIsExplainedNotJustNumbered() {
		String key = ErrorPageResolver.messageKey(HttpStatus.CONTENT_TOO_LARGE, false);
		assertThat(this.messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("上传的文件太大");
		assertThat(this.messages.getMessage(key + ".detail", null, Locale.ENGLISH)).contains("nothing was saved");
	}

	@Test
	void aRefusedCsrfTokenIsAnExpiredFormAndOtherStatusesHaveTheirOwnWords() {
		assertThat(ErrorPageResolver.messageKey(HttpStatus.FORBIDDEN, true)).isEqualTo("error.403.csrf");
		assertThat(ErrorPageResolver.messageKey(HttpStatus.FORBIDDEN, false)).isEqualTo("error.403");
		assertThat(ErrorPageResolver.messageKey(HttpStatus.NOT_FOUND, false)).isEqualTo("error.404");
		assertThat(ErrorPageResolver.messageKey(HttpStatus.BAD_GATEWAY, false)).isEqualTo("error.500");
		assertThat(ErrorPageResolver.messageKey(HttpStatus.METHOD_NOT_ALLOWED, false)).isEqualTo("error.generic");
	}

	@Test
	void backLeadsOnlyToAPageOfThisSite() {
		assertThat(ErrorPageResolver.backTo(refererFrom("http://localhost/petitions/12?tab=report")))
			.isEqualTo("/petitions/12?tab=report");
		assertThat(ErrorPageResolver.backTo(refererFrom("https://evil.example/petitions/12"))).isNull();
		assertThat(ErrorPageResolver.backTo(refererFrom("http://localhost//evil.example/x"))).isNull();
		assertThat(ErrorPageResolver.backTo(refererFrom("javascript:alert(1)"))).isNull();
		assertThat(ErrorPageResolver.backTo(refererFrom("not a uri"))).isNull();
		assertThat(ErrorPageResolver.backTo(new MockHttpServletRequest())).isNull();
	}

	private static MockHttpServletRequest refererFrom(String referer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.addHeader(HttpHeaders.REFERER, referer);
		return request;
	}

}
