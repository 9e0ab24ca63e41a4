package org.ducha.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people read them: the Chinese style (2026年11月21日 14:30) in Chinese,
 * ISO-like in English, always in the installation's zone; days likewise (2026年11月21日).
 * Templates call it as {@code @dates}.
 */
@Component("dates")
public class DateDisplay {

	private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private final Clock clock;

	DateDisplay(Clock clock) {
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant();
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return (chinese() ? CHINESE : ENGLISH).format(instant.atZone(this.clock.getZone()));
	}

	/** A day (2026年11月1日 in Chinese, 2026-11-01 in English). */
	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return (chinese() ? CHINESE_DATE : ENGLISH_DATE).format(date);
	}

	private static boolean chinese() {
		return Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
