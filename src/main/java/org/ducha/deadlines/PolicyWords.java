package org.ducha.deadlines;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A deadline policy as people say it ("24 小时内", "第5日12:00前", "5个工作日内"), in the reader's
 * language, for pages; the text form ({@code DAY_N 5 12:00}) is for the form that edits
 * it and for the API. Templates call it as {@code @policyWords}.
 */
@Component("policyWords")
public class PolicyWords {

	private final MessageSource messages;

	PolicyWords(MessageSource messages) {
		this.messages = messages;
	}

	/** The policy in the current request's language; empty for none. */
	public String of(DeadlinePolicy policy) {
		return of(policy, LocaleContextHolder.getLocale());
	}

	/** The policy in the given language; empty for none. */
	public String of(DeadlinePolicy policy, Locale locale) {
		if (policy == null) {
			return "";
		}
		String counting = switch (policy.kind()) {
			case DURATION -> message(locale, "deadline.words.within", span(policy.duration(), locale));
			case DAY_N -> policy.endOfDay() ? message(locale, "deadline.words.dayEnd", policy.days())
					: message(locale, "deadline.words.dayAt", policy.days(), time(policy));
			case WORKDAY_N -> policy.endOfDay() ? message(locale, "deadline.words.workdays", policy.days())
					: message(locale, "deadline.words.workdayAt", policy.days(), time(policy));
		};
		if (policy.defaultWarningLead()) {
			return counting;
		}
		if (policy.warningLead().isZero()) {
			return message(locale, "deadline.words.noWarning", counting);
		}
		return message(locale, "deadline.words.warning", counting, span(policy.warningLead(), locale));
	}

	private String span(Duration duration, Locale locale) {
		List<String> parts = new ArrayList<>();
		if (duration.toHours() > 0) {
			parts.add(message(locale, "deadline.words.hours", duration.toHours()));
		}
		if (duration.toMinutesPart() > 0) {
			parts.add(message(locale, "deadline.words.minutes", duration.toMinutesPart()));
		}
		if (duration.toSecondsPart() > 0) {
			parts.add(message(locale, "deadline.words.seconds", duration.toSecondsPart()));
		}
		return String.join(" ", parts);
	}

	private static String time(DeadlinePolicy policy) {
		return String.format("%02d:%02d", policy.minuteOfDay() / 60, policy.minuteOfDay() % 60);
	}

	private String message(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
