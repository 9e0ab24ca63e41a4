package org.ducha.deadlines;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When something is due, and whether the working calendar could be trusted to compute it.
 *
 * @param at the due instant
 * @param yearsNotLoaded the years whose working calendar was needed but not loaded, so
 * that weekdays were counted instead; the deadline must then be shown flagged "calendar
 * not loaded for YEAR". Empty when nothing was guessed.
 */
public record Due(Instant at, SortedSet<Integer> yearsNotLoaded) {

	public Due {
		Objects.requireNonNull(at, "at");
		yearsNotLoaded = Collections.unmodifiableSortedSet(new TreeSet<>(yearsNotLoaded));
	}

	static Due exactly(Instant at) {
		return new Due(at, Collections.emptySortedSet());
	}

	/**
	 * Whether every calendar the computation needed was loaded.
	 */
	public boolean calendarComplete() {
		return this.yearsNotLoaded.isEmpty();
	}

}
