package org.ducha.reports;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads 交办时间 as officials write it: {@code 2024-05-08 09:30}, {@code 2024/5/8 9:30},
 * {@code 2024年5月8日9时30分}, {@code 2024.5.8}, in full-width digits too ({@code ２０２４年５月８日}),
 * or the ISO text of a real date cell. A date without a time is the start of that day.
 */
final class TransferTime {

	private static final Pattern FORM = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
			+ "(?:\\s*[T\\s]\\s*|\\s*)" + "(?:(\\d{1,2})\\s*[:：时点]\\s*(?:(\\d{1,2})\\s*分?)?"
			+ "(?:\\s*[:：]?\\s*(\\d{1,2}(?:\\.\\d+)?)\\s*秒?)?)?");

	private TransferTime() {
	}

	static Optional<LocalDateTime> parse(String text) {
		Matcher m = FORM.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			int hour = (m.group(4) != null) ? Integer.parseInt(m.group(4)) : 0;
			int minute = (m.group(5) != null) ? Integer.parseInt(m.group(5)) : 0;
			int second = (m.group(6) != null) ? (int) Double.parseDouble(m.group(6)) : 0;
			return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)), hour, minute, second));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
