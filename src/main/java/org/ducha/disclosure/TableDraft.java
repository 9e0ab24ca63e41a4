package org.ducha.disclosure;

import java.util.List;

/**
 * What publishing a batch now would publish: the rows, what will be hidden (numbers found
 * automatically and words the office hides by hand), the office's decisions, the cases
 * left out because they are not approved yet, and what differs from the last version.
 *
 * @param decisions the office's decisions on the batch's table, oldest first, each with
 * how often it applies now
 * @param baseVersion the latest published version, 0 if none
 */
public record TableDraft(long batchId, String title, List<DisclosureRow> rows, List<Redaction> redactions,
		List<DisclosureDecision> decisions, List<String> notYetApproved, int baseVersion, TableChanges changes) {

	/** The decisions to keep a number in clear. */
	public List<DisclosureDecision> kept() {
		return this.decisions.stream().filter((d) -> d.action() == DisclosureDecision.Action.KEEP).toList();
	}

	/** The decisions to hide words by hand. */
	public List<DisclosureDecision> hiddenByHand() {
		return this.decisions.stream().filter((d) -> d.action() == DisclosureDecision.Action.REDACT).toList();
	}

}
