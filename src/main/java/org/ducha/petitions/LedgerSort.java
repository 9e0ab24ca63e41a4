package org.ducha.petitions;

import java.util.Locale;

/**
 * The order of the ledger: by one key, ascending or descending, ties broken by case id in
 * the same direction so that keyset pages are stable.
 */
public record LedgerSort(Key key, boolean descending) {

	/** What the ledger can be sorted by, named in URLs by their lower-case names. */
	public enum Key {

		/** When the team transferred the case. */
		TRANSFERRED("p.transferred_at"),
		/** The receipt number. */
		RECEIPT("p.receipt_number"),
		/** When the most urgent running clock falls due; cases without one come last. */
		DUE("p.clock_due_at");

		private final String column;

		Key(String column) {
			this.column = column;
		}

		String column() {
			return this.column;
		}

		public String parameter() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The newest transfers first. */
	public static final LedgerSort DEFAULT = new LedgerSort(Key.TRANSFERRED, true);

	/**
	 * The sort named by URL parameters; unknown or missing values give the default key
	 * and, for the direction, descending for transfer time and ascending otherwise.
	 */
	public static LedgerSort of(String key, String direction) {
		Key chosen = Key.TRANSFERRED;
		for (Key k : Key.values()) {
			if (k.parameter().equalsIgnoreCase((key != null) ? key.strip() : "")) {
				chosen = k;
			}
		}
		if ("asc".equalsIgnoreCase(direction)) {
			return new LedgerSort(chosen, false);
		}
		if ("desc".equalsIgnoreCase(direction)) {
			return new LedgerSort(chosen, true);
		}
		return new LedgerSort(chosen, chosen == Key.TRANSFERRED);
	}

	public String direction() {
		return this.descending ? "desc" : "asc";
	}

	/**
	 * The sort a click on a column heading asks for: the other direction if it is this
	 * key.
	 */
	public LedgerSort toggled(Key other) {
		if (other == this.key) {
			return new LedgerSort(other, !this.descending);
		}
		return of(other.parameter(), null);
	}

}
