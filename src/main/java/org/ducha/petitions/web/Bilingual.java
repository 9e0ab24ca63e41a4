package org.ducha.petitions.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A message from the bundles in both languages, as the API gives every text a person
 * reads: an API client's log is often read by someone who reads the other language.
 *
 * @param code the stable message code, for programs
 */
record Bilingual(String code, String zh, String en) {

	static Bilingual of(MessageSource messages, String code, Object... args) {
		return new Bilingual(code, messages.getMessage(code, args, code, Locale.SIMPLIFIED_CHINESE),
				messages.getMessage(code, args, code, Locale.ENGLISH));
	}

}
