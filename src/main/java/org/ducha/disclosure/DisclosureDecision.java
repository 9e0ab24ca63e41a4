package org.ducha.disclosure;

import java.time.Instant;

/**
 * A decision of the office on a batch's disclosure table: keep a number found
 * automatically, or hide words by hand. Every version published afterwards applies it.
 *
 * @param written the number or the words, exactly as written in the text
 * @param shown what the public reads there: the number itself when kept, stars when
 * hidden
 * @param occurrences how often it applies in the column as it reads now; 0 when the text
 * no longer holds it (after a new report, say)
 */
public record DisclosureDecision(long id, long batchId, long petitionId, String receiptNumber, TextColumn column,
		Action action, String written, String shown, String reason, String decidedBy, Instant decidedAt,
		int occurrences) {

	/** What the office decided. */
	public enum Action {

		/** The number is not personal: publish it as written. */
		KEEP,

		/** Hide these words. */
		REDACT

	}

	DisclosureDecision applied(int times) {
		return new DisclosureDecision(this.id, this.batchId, this.petitionId, this.receiptNumber, this.column,
				this.action, this.written, this.shown, this.reason, this.decidedBy, this.decidedAt, times);
	}

	/** The words with every character but white space replaced by {@code *}. */
	static String hidden(String words) {
		StringBuilder out = new StringBuilder(words.length());
		for (int i = 0; i < words.length(); i++) {
			char c = words.charAt(i);
			out.append(Character.isWhitespace(c) ? c : '*');
		}
		return out.toString();
	}

}
