package org.ducha.petitions.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The time left or overdue in words for a clock badge ("剩余 5 小时", "超期 2 天"), read at
 * render time so that the words are never a minute stale. Used in templates as
 * {@code @clockWords}.
 */
@Component("clockWords")
class ClockWords {

	private final MessageSource messages;

	private final Clock clock;

	ClockWords(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String of(Instant due) {
		if (due == null) {
			return "";
		}
		Duration left = Duration.between(this.clock.instant(), due);
		boolean overdue = left.isNegative() || left.isZero();
		Duration span = left.abs();
		String amount;
		if (span.toDays() >= 2) {
			amount = message("clock.span.days", span.toDays());
		}
		else if (span.toHours() >= 1) {
			amount = message("clock.span.hours", span.toHours());
		}
		else {
			amount = message("clock.span.minutes", Math.max(1, span.toMinutes()));
		}
		return message(overdue ? "clock.overdue" : "clock.remaining", amount);
	}

	private String message(String key, Object arg) {
		return this.messages.getMessage(key, new Object[] { arg }, LocaleContextHolder.getLocale());
	}

}
