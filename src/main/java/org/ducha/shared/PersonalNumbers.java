package org.ducha.shared;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal numbers inside free text — phone numbers, ID-card and bank-card numbers,
 * e-mail addresses, licence plates, QQ numbers and WeChat IDs — so that complaint text
 * can be masked for staff outside the office and redacted before it is published.
 * Complainants often write their own number into the complaint ("请联系我13812345678"), and
 * write it in every way a keyboard allows: full-width digits, split by spaces or dashes,
 * after "Tel", in Chinese numerals.
 * <p>
 * The text is first normalised one character for one (full-width digits, letters and
 * punctuation to their ASCII forms, the dashes and middle dots to one of each, Chinese
 * numerals to digits), so that every position found is a position in the original text
 * and masking hides the characters as written.
 * <p>
 * A candidate must also pass its number's own check: an 18-digit ID-card number its GB
 * 11643 check digit and a real birth date, a 15-digit one a real birth date, a bank card
 * the Luhn check. Report and case numbers of the same length rarely do; one that does is
 * the office's to keep in the disclosure preview. A number glued to letters or other
 * digits is left alone, so receipt numbers such as {@code D410000201806210057}, decimals
 * and dates survive.
 */
public final class PersonalNumbers {

	/** The kinds of number found. */
	public enum Kind {

		MOBILE, LANDLINE, ID_CARD, BANK_CARD, EMAIL, LICENCE_PLATE, QQ, WECHAT

	}

	/**
	 * One number found.
	 *
	 * @param start index of its first character in the original text
	 * @param end index after its last character
	 * @param value the number as written
	 * @param masked the number as shown once masked: as long as {@code value}, with its
	 * personal characters replaced by {@code *}
	 */
	public record Found(Kind kind, int start, int end, String value, String masked) {

	}

	private static final String DIGIT_BEFORE = "(?<![0-9A-Za-z])(?<!\\d[.])";

	private static final String DIGIT_AFTER = "(?![0-9A-Za-z])(?![.]\\d)";

	/** Letters that may be glued to a phone number ("Tel13812345678"). */
	private static final String PHONE_BEFORE = "(?:" + DIGIT_BEFORE + "|(?<=(?i:tel|phone|mobile|mob|fax|cell)))";

	private static final String SEP = "[-. ]?";

	private static final String MOBILE = "(?:\\(?(?:\\+|00)?86\\)?[- ]?)?1[3-9]\\d" + "(?:-{1,2}|[. ])?\\d{4}"
			+ "(?:-{1,2}|[. ])?\\d{4}";

	private static final String AREA = "(?:10|2\\d|[3-9]\\d{2})";

	private static final String LOCAL = "[1-9]\\d{2,3}[- ]?\\d{4}(?:[-转]\\d{1,4})?";

	private static final String LANDLINE = "(?:(?:\\+|00)86[- ]?\\(?0?" + AREA + "\\)?|\\(0" + AREA + "\\)|0" + AREA
			+ ")(?:-{1,2}| )?" + LOCAL;

	/** A local number without its area code, only where a word says it is a phone. */
	private static final String LOCAL_AFTER_WORD = "(?<=(?:电话|座机|固话|号码|联系方式)[:是为 ]{0,2})" + DIGIT_BEFORE
			+ "[1-9]\\d{2,3}[- ]?\\d{4}";

	private static final String ID_18 = "[1-9]\\d{5}[- ]?(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
			+ "[- ]?\\d{3}[\\dXx]";

	private static final String ID_15 = "[1-9]\\d{5}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}";

	/**
	 * Visa, Mastercard and UnionPay (4, 5, 6) and the older Chinese 94/95 cards, plain or
	 * in groups of four.
	 */
	private static final String BANK_CARD = "(?:[4-6]\\d|9[45])\\d{14,17}|(?:[4-6]\\d|9[45])\\d{2}(?:[- ]\\d{4}){3}(?:[- ]\\d{1,3})?";

	private static final String EMAIL = "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*(?:@|\\(at\\)|\\[at\\])"
			+ "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}"
			+ "(?![A-Za-z0-9-])";

	private static final String PROVINCES = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]";

	private static final String PLATE_LETTER = "[A-HJ-NP-Za-hj-np-z]";

	private static final String PLATE_CHAR = "[A-HJ-NP-Za-hj-np-z0-9]";

	/**
	 * Province, issuing letter, an optional dot, space or dash, then a new-energy number
	 * (D or F first for a small car, last for a large one) or five characters (the last
	 * may be 挂, 学 or 警). Standard numbers such as "新GB3095" are not plates.
	 */
	private static final String PLATE = PROVINCES + "(?!(?i:gb|hj|db))" + PLATE_LETTER + "[·. -]?(?:[DdFf]" + PLATE_CHAR
			+ "\\d{4}|\\d{5}[DdFf]|" + PLATE_CHAR + "{4}(?:" + PLATE_CHAR + "|[挂学警]))(?![0-9A-Za-z])";

	private static final String QQ = "(?<=(?<![A-Za-z])(?i:qq)(?:号码|号)?[:是为 ]{0,2})(?<!\\d)[1-9]\\d{4,10}";

	private static final String WECHAT = "(?<=(?:微信号?|(?<![A-Za-z])(?i:vx|wx|weixin|wechat)[: ])[:是为 ]{0,2})"
			+ "[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])";

	private record Rule(Kind kind, Pattern pattern, Predicate<String> check) {

		Rule(Kind kind, String regex) {
			this(kind, regex, (digits) -> true);
		}

		Rule(Kind kind, String regex, Predicate<String> check) {
			this(kind, Pattern.compile(regex), check);
		}

	}

	/**
	 * Most specific first: an e-mail address holding a phone number is an e-mail address,
	 * an ID-card number is not also a bank-card number.
	 */
	private static final List<Rule> RULES = List.of(new Rule(Kind.EMAIL, EMAIL),
			new Rule(Kind.ID_CARD, DIGIT_BEFORE + ID_18 + DIGIT_AFTER, PersonalNumbers::validIdCard18),
			new Rule(Kind.BANK_CARD, DIGIT_BEFORE + "(?:" + BANK_CARD + ")" + DIGIT_AFTER, PersonalNumbers::luhn),
			new Rule(Kind.ID_CARD, DIGIT_BEFORE + ID_15 + DIGIT_AFTER, PersonalNumbers::validIdCard15),
			new Rule(Kind.MOBILE, PHONE_BEFORE + MOBILE + DIGIT_AFTER),
			new Rule(Kind.LANDLINE, PHONE_BEFORE + LANDLINE + DIGIT_AFTER),
			new Rule(Kind.LANDLINE, LOCAL_AFTER_WORD + DIGIT_AFTER), new Rule(Kind.QQ, QQ + DIGIT_AFTER),
			new Rule(Kind.WECHAT, WECHAT), new Rule(Kind.LICENCE_PLATE, PLATE, PersonalNumbers::plausiblePlate));

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK_DIGITS = "10X98765432";

	private PersonalNumbers() {
	}

	/** Every personal number in {@code text}, in order, none overlapping. */
	public static List<Found> find(String text) {
		List<Found> found = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return found;
		}
		String plain = normalise(text);
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(plain);
			int from = 0;
			while (from < plain.length() && matcher.find(from)) {
				int start = matcher.start();
				int end = matcher.end();
				String candidate = matcher.group();
				if (rule.check().test(candidate)
						&& found.stream().noneMatch((f) -> f.start() < end && start < f.end())) {
					found.add(new Found(rule.kind(), start, end, text.substring(start, end),
							mask(rule.kind(), text.substring(start, end), candidate)));
					from = end;
				}
				else {
					from = start + 1;
				}
			}
		}
		found.sort(Comparator.comparingInt(Found::start));
		return found;
	}

	/** The text with every personal number masked. */
	public static String redact(String text) {
		List<Found> found = find(text);
		if (found.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text);
		for (Found f : found) {
			out.replace(f.start(), f.end(), f.masked());
		}
		return out.toString();
	}

	/**
	 * The text as the rules read it: the same length, each character replaced by its
	 * plain form.
	 */
	static String normalise(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = plain(chars[i]);
		}
		return new String(chars);
	}

	private static char plain(char c) {
		if (c >= '\uFF01' && c <= '\uFF5E') {
			return (char) (c - '\uFF01' + '!');
		}
		return switch (c) {
			case '\u3000', '\u00A0' -> ' ';
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63' -> '-';
			case '\u2022', '\u2027', '\u30FB', '\uFF65', '\u2219' -> '·';
			case '\u3014', '\uFE59' -> '(';
			case '\u3015', '\uFE5A' -> ')';
			case '〇', '零' -> '0';
			case '一', '幺' -> '1';
			case '二' -> '2';
			case '三' -> '3';
			case '四' -> '4';
			case '五' -> '5';
			case '六' -> '6';
			case '七' -> '7';
			case '八' -> '8';
			case '九' -> '9';
			default -> c;
		};
	}

	/**
	 * Hides the personal characters: the whole number, the part of an e-mail address
	 * before its domain, the part of a plate after its province and issuing letter.
	 */
	private static String mask(Kind kind, String written, String plain) {
		int from = 0;
		int to = plain.length();
		if (kind == Kind.EMAIL) {
			to = Math.max(plain.indexOf('@'), Math.max(plain.indexOf("(at)"), plain.indexOf("[at]")));
		}
		else if (kind == Kind.LICENCE_PLATE) {
			from = 2;
		}
		StringBuilder out = new StringBuilder(written);
		for (int i = from; i < to; i++) {
			if (Character.isLetterOrDigit(plain.charAt(i)) && plain.charAt(i) < 128) {
				out.setCharAt(i, '*');
			}
			else if (kind == Kind.LICENCE_PLATE && Character.isLetter(plain.charAt(i))) {
				out.setCharAt(i, '*');
			}
		}
		return out.toString();
	}

	private static String digits(String candidate) {
		StringBuilder out = new StringBuilder(candidate.length());
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (Character.isDigit(c) || c == 'X' || c == 'x') {
				out.append(Character.toUpperCase(c));
			}
		}
		return out.toString();
	}

	/** GB 11643: a real birth date and the check digit of the first 17. */
	static boolean validIdCard18(String candidate) {
		String id = digits(candidate);
		if (id.length() != 18 || !realDate(Integer.parseInt(id.substring(6, 10)),
				Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)))) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK_DIGITS.charAt(sum % 11) == id.charAt(17);
	}

	/**
	 * The cards issued before 1999 had no check digit: a real birth date in the 1900s.
	 */
	static boolean validIdCard15(String candidate) {
		String id = digits(candidate);
		return id.length() == 15 && realDate(1900 + Integer.parseInt(id.substring(6, 8)),
				Integer.parseInt(id.substring(8, 10)), Integer.parseInt(id.substring(10, 12)));
	}

	private static boolean realDate(int year, int month, int day) {
		return month >= 1 && month <= 12 && day >= 1 && YearMonth.of(year, month).isValidDay(day);
	}

	/** Luhn (ISO/IEC 7812) over 16 to 19 digits. */
	static boolean luhn(String candidate) {
		String number = digits(candidate);
		if (number.length() < 16 || number.length() > 19 || number.indexOf('X') >= 0) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < number.length(); i++) {
			int digit = number.charAt(number.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	/** A plate's five characters hold at most three letters: "京A·BCDEF" is a word. */
	private static boolean plausiblePlate(String candidate) {
		long letters = candidate.substring(2).chars().filter((c) -> c < 128 && Character.isLetter(c)).count();
		return letters <= 3;
	}

}
