package org.ducha.petitions;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A receipt number (受理编号) as the team wrote it, and the form in which two numbers are
 * compared. The teams write the same number in many ways: {@code D3JX202405080001},
 * {@code 30号}, {@code 〔2024〕15号}, with full-width characters, with spaces, with a
 * trailing {@code *}. The text as written is kept for display; the key is what is unique
 * within a round, what a re-import is matched by and what a repeat's earlier number is
 * looked up by.
 *
 * @param text the number as written, trimmed
 * @param key the normalised form: full-width characters as half-width, every space and a
 * trailing {@code *} removed, ASCII letters in capitals, and the year brackets
 * ({@code [ ] ( ) 【 】}) written as {@code 〔 〕}
 */
public record ReceiptNumber(String text, String key) {

	/** Of the text as written, and of the key. */
	public static final int MAX_LENGTH = 32;

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern TRAILING_STARS = Pattern.compile("\\*+$");

	/**
	 * Letters, digits, {@code -}, {@code _}, {@code /}, {@code .}, {@code #}, Chinese
	 * characters and the year brackets, with at least one digit: words such as "见附件" in
	 * the column are a mistake, not a number.
	 */
	private static final Pattern KEY = Pattern.compile("(?=.*\\d)[A-Z0-9\\-_/.#〔〕\\p{IsHan}]+");

	/**
	 * The number as written.
	 * @throws IllegalArgumentException when it is not a receipt number ({@link #isValid})
	 */
	public static ReceiptNumber of(String written) {
		if (!isValid(written)) {
			throw new IllegalArgumentException("not a receipt number: " + written);
		}
		return new ReceiptNumber(written.strip(), keyOf(written));
	}

	/** Whether the text, as written, is a receipt number. */
	public static boolean isValid(String written) {
		if (written == null || written.isBlank()) {
			return false;
		}
		String key = keyOf(written);
		return written.strip().length() <= MAX_LENGTH && key.length() <= MAX_LENGTH && KEY.matcher(key).matches();
	}

	/**
	 * The key of any text, valid or not, for looking a number up as someone typed it;
	 * {@code null} for {@code null}.
	 */
	public static String keyOf(String written) {
		if (written == null) {
			return null;
		}
		String text = Normalizer.normalize(written, Normalizer.Form.NFKC);
		text = SPACES.matcher(text).replaceAll("");
		text = TRAILING_STARS.matcher(text).replaceAll("");
		StringBuilder key = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			key.append(switch (c) {
				case '[', '(', '【', '〖' -> '〔';
				case ']', ')', '】', '〗' -> '〕';
				default -> c;
			});
		}
		return key.toString().toUpperCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
