package org.ducha.shared;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A message from the bundles in both languages, as the JSON API gives every text a person
 * reads: an API client's log is often read by someone who reads the other language.
 *
 * @param code the stable message code, for programs
 */
public record Bilingual(String code, String zh, String en) {

	public static Bilingual of(MessageSource messages, String code, Object... args) {
		return new Bilingual(code, messages.getMessage(code, args, code, Locale.SIMPLIFIED_CHINESE),
				messages.getMessage(code, args, code, Locale.ENGLISH));
	}

	/**
	 * An RFC 9457 problem detail titled by this message: {@code type} names the code,
	 * {@code title} is English, {@code titleZh} Chinese, {@code detail} both, and
	 * {@code errors} lists every problem.
	 */
	public ProblemDetail problem(HttpStatusCode status, List<?> errors) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, this.zh + " / " + this.en);
		detail.setType(URI.create("urn:ducha:" + this.code));
		detail.setTitle(this.en);
		detail.setProperty("titleZh", this.zh);
		detail.setProperty("errors", errors);
		return detail;
	}

}
