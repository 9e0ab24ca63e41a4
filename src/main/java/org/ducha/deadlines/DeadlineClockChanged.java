package org.ducha.deadlines;

import java.time.Instant;

/**
 * Published in the transaction that starts a clock, stops it, restates it, or moves it to
 * yellow or red in the sweep, so that the subject's owner can keep a denormalised "worst
 * clock" column in step with a synchronous {@code @EventListener} (re-reading
 * {@link DeadlineClocks#running} for the subject when it needs more than this clock).
 *
 * @param subjectType the kind of thing the clock runs for
 * @param subjectId that thing's id
 * @param kind the clock's kind
 * @param state the clock's state after the change; for a stopped clock, its state when it
 * stopped
 * @param dueAt the clock's due instant
 */
public record DeadlineClockChanged(String subjectType, long subjectId, String kind, ClockState state, Instant dueAt) {

	static DeadlineClockChanged of(DeadlineClock clock) {
		return new DeadlineClockChanged(clock.subjectType(), clock.subjectId(), clock.kind(), clock.state(),
				clock.dueAt());
	}

}
