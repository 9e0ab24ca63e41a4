package org.ducha.disclosure;

/**
 * Something publishing will hide, for the office to check before it publishes: a personal
 * number found automatically, or words the office hides by hand.
 *
 * @param kind the kind of number ({@code MOBILE}, {@code ID_CARD}, … as in
 * {@code PersonalNumbers.Kind}), or {@link #BY_HAND}
 * @param found the number or the words as written
 * @param shown what the public will read instead
 * @param context the text around it as written, for the office to judge whether it is
 * personal
 * @param decisionId the office's decision that hides it, {@code null} for a number found
 * automatically
 */
public record Redaction(String receiptNumber, TextColumn column, String kind, String found, String shown,
		String context, Long decisionId) {

	/** The kind of what the office hides by hand. */
	public static final String BY_HAND = "BY_HAND";

	/** Whether the office may keep it: a number found automatically. */
	public boolean automatic() {
		return this.decisionId == null;
	}

}
