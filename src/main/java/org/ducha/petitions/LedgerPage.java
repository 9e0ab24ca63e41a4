package org.ducha.petitions;

import java.util.List;

/**
 * One page of the ledger.
 *
 * @param next the cursor of the page after this one, or {@code null} on the last page
 * @param previous the cursor of the page before this one, or {@code null} on the first
 * page
 */
public record LedgerPage(List<LedgerRow> rows, String next, String previous) {

	public boolean first() {
		return this.previous == null;
	}

}
