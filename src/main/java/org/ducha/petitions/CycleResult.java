package org.ducha.petitions;

import java.time.Instant;

/**
 * How one handling cycle of a case ended: when and by whom it was closed, with the
 * approved report's verdict and completion at that time, and, if a look-back found a
 * rebound, when and by which look-back it was reopened.
 *
 * @param reopenedAt {@code null} unless the cycle was reopened
 * @param reopenedByLookBack the look-back that found the rebound, or {@code null}
 */
public record CycleResult(int cycle, Instant closedAt, String closedBy, Verdict verdict, Completion completion,
		Instant reopenedAt, Long reopenedByLookBack) {

	public boolean reopened() {
		return this.reopenedAt != null;
	}

}
