package org.ducha.disclosure;

import java.util.List;

/**
 * What publishing a batch now would publish: the rows, what will be redacted, the cases
 * left out because they are not approved yet, and what differs from the last version.
 *
 * @param baseVersion the latest published version, 0 if none
 */
public record TableDraft(long batchId, String title, List<DisclosureRow> rows, List<Redaction> redactions,
		List<String> notYetApproved, int baseVersion, TableChanges changes) {

}
