package org.ducha.deadlines;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A deadline clock as stored: started on a subject under a policy, due at a computed
 * instant, and either running or stopped.
 *
 * @param id the clock's id
 * @param subjectType the kind of thing the clock runs for, e.g. {@code petition}
 * @param subjectId that thing's id
 * @param kind what the deadline is for, e.g. {@code RECEIPT} or {@code REPORT}; at most
 * one clock of a kind runs per subject
 * @param policy the policy's text, as {@link DeadlinePolicy#parse(String)} reads it
 * @param startedAt when the clock started
 * @param dueAt when it is due; it is met only before this instant
 * @param warnAt when it turns yellow: the due instant less the policy's warning lead
 * @param yearsNotLoaded the years whose working calendar was missing when the due instant
 * was computed, to be shown as "calendar not loaded for YEAR"; empty when none
 * @param state the badge as of the last change: for a running clock, as the sweep last
 * moved it; for a stopped one, as it was when it stopped
 * @param stoppedAt when the clock stopped, or {@code null} while it runs
 * @param late whether it stopped on or after the due instant, fixed when it stopped;
 * {@code null} while it runs
 */
public record DeadlineClock(long id, String subjectType, long subjectId, String kind, String policy, Instant startedAt,
		Instant dueAt, Instant warnAt, SortedSet<Integer> yearsNotLoaded, ClockState state, Instant stoppedAt,
		Boolean late) {

	public DeadlineClock {
		yearsNotLoaded = Collections.unmodifiableSortedSet(new TreeSet<>(yearsNotLoaded));
	}

	public boolean running() {
		return this.stoppedAt == null;
	}

	/**
	 * The badge at {@code now}, with the time left or overdue. A stopped clock reads as
	 * it did when it stopped, whatever {@code now} is: its result is never recomputed.
	 * @param now the moment of reading, from the clock
	 */
	public ClockReading readAt(Instant now) {
		return ClockReading.of(DeadlinePolicy.parse(this.policy), this.dueAt, running() ? now : this.stoppedAt);
	}

	/**
	 * The state the sweep moves a running clock to at {@code now}, from the stored
	 * instants; the same as {@link #readAt(Instant)}, since the warning instant is the
	 * due instant less the lead.
	 */
	ClockState stateAt(Instant now) {
		if (!now.isBefore(this.dueAt)) {
			return ClockState.RED;
		}
		return now.isAfter(this.warnAt) ? ClockState.YELLOW : ClockState.GREEN;
	}

	DeadlineClock movedTo(ClockState state) {
		return new DeadlineClock(this.id, this.subjectType, this.subjectId, this.kind, this.policy, this.startedAt,
				this.dueAt, this.warnAt, this.yearsNotLoaded, state, this.stoppedAt, this.late);
	}

}
