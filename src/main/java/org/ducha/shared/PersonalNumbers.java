package org.ducha.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal numbers inside free text — mobile and landline phone numbers, ID-card
 * numbers, bank-card numbers — so that complaint text can be masked for staff outside the
 * office and redacted before it is published. Complainants often write their own number
 * into the complaint ("请联系我13812345678").
 * <p>
 * A number glued to letters or other digits is left alone, so receipt numbers such as
 * {@code D410000201806210057} and dates survive.
 */
public final class PersonalNumbers {

	/** The kinds of number found. */
	public enum Kind {

		MOBILE, LANDLINE, ID_CARD, BANK_CARD

	}

	/**
	 * One number found.
	 *
	 * @param start index of its first character
	 * @param end index after its last character
	 */
	public record Found(Kind kind, int start, int end, String value) {

	}

	private static final String BEFORE = "(?<![0-9A-Za-z])";

	private static final String AFTER = "(?![0-9A-Za-z])";

	private record Rule(Kind kind, Pattern pattern) {

		Rule(Kind kind, String regex) {
			this(kind, Pattern.compile(BEFORE + regex + AFTER));
		}

	}

	/** Most specific first: an ID-card number is not also a bank-card number. */
	private static final List<Rule> RULES = List.of(
			new Rule(Kind.ID_CARD, "[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]"),
			new Rule(Kind.MOBILE, "(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}"),
			new Rule(Kind.LANDLINE, "(?:\\(0\\d{2,3}\\)|0\\d{2,3})[-－ ]?[2-9]\\d{6,7}"),
			new Rule(Kind.BANK_CARD, "[3-6]\\d{15,18}"));

	private PersonalNumbers() {
	}

	/** Every personal number in {@code text}, in order, none overlapping. */
	public static List<Found> find(String text) {
		List<Found> found = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return found;
		}
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(text);
			while (matcher.find()) {
				Kind kind = rule.kind();
				int start = matcher.start();
				int end = matcher.end();
				if (found.stream().noneMatch((f) -> f.start() < end && start < f.end())) {
					found.add(new Found(kind, start, end, matcher.group()));
				}
			}
		}
		found.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return found;
	}

	/** The text with every digit of every personal number replaced by {@code *}. */
	public static String redact(String text) {
		List<Found> found = find(text);
		if (found.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text);
		for (Found f : found) {
			for (int i = f.start(); i < f.end(); i++) {
				char c = out.charAt(i);
				if (Character.isDigit(c) || c == 'X' || c == 'x') {
					out.setCharAt(i, '*');
				}
			}
		}
		return out.toString();
	}

}
