package org.ducha.journal;

/**
 * The outcome of recomputing the chain.
 *
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number of the first entry that does not fit the
 * chain, or {@code null} when the chain is intact
 * @param reason why that entry breaks the chain, a message code:
 * {@code journal.broken.hash}, {@code journal.broken.link}, {@code journal.broken.gap} or
 * {@code journal.broken.head}
 * @param millis how long the check took
 */
public record Verification(long entriesChecked, Long firstBrokenSeq, String reason, long millis) {

	public boolean intact() {
		return this.firstBrokenSeq == null;
	}

}
