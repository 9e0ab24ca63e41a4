package org.ducha.web;

import java.security.SecureRandom;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Gives every error a short random reference (such as {@code K7QX-2M9P}) that the error
 * page and the JSON error body show, and writes it to the log: a server error at ERROR
 * with its exception, anything else at INFO. Someone who reports "编号 K7QX-2M9P" leads the
 * administrator straight to the log entry, without the page ever showing what went wrong
 * inside.
 */
@Component
@ConditionalOnWebApplication
class ReferencedErrorAttributes extends DefaultErrorAttributes {

	static final String REFERENCE = "reference";

	private static final Logger log = LoggerFactory.getLogger(ReferencedErrorAttributes.class);

	/** Letters and digits that cannot be mistaken for one another when read aloud. */
	private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final String ATTRIBUTE = ReferencedErrorAttributes.class.getName() + ".reference";

	private final SecureRandom random = new SecureRandom();

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		attributes.put(REFERENCE, reference(request, attributes.get("status")));
		return attributes;
	}

	/** The request's reference, made and logged the first time it is asked for. */
	private String reference(WebRequest request, Object status) {
		if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof String known) {
			return known;
		}
		String reference = newReference();
		request.setAttribute(ATTRIBUTE, reference, RequestAttributes.SCOPE_REQUEST);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
		Throwable error = getError(request);
		if (status instanceof Integer code && code >= 500) {
			log.error("Error {}: {} on {}", reference, code, path, error);
		}
		else {
			log.info("Error {}: {} on {}{}", reference, status, path, (error != null) ? " (" + error + ")" : "");
		}
		return reference;
	}

	String newReference() {
		StringBuilder reference = new StringBuilder(9);
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				reference.append('-');
			}
			reference.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		return reference.toString();
	}

}
