package org.ducha.deadlines;

import java.time.Duration;
import java.time.Instant;

/**
 * What a running clock's badge shows at one moment: its state, and the time left or the
 * time overdue.
 *
 * @param state green, yellow or red
 * @param remaining time left until the due instant; zero once red
 * @param overdue time since the due instant; zero until red
 */
public record ClockReading(ClockState state, Duration remaining, Duration overdue) {

	/**
	 * Reads a running clock. It is red from the due instant on, because a deadline is met
	 * only before it ("中午12:00之前"); yellow while the time left is under the policy's
	 * warning lead; green before that.
	 * @param policy the policy the clock runs under, for its warning lead
	 * @param due the clock's due instant
	 * @param now the moment of reading, from the clock
	 */
	public static ClockReading of(DeadlinePolicy policy, Instant due, Instant now) {
		if (!now.isBefore(due)) {
			return new ClockReading(ClockState.RED, Duration.ZERO, Duration.between(due, now));
		}
		Duration remaining = Duration.between(now, due);
		ClockState state = (remaining.compareTo(policy.warningLead()) < 0) ? ClockState.YELLOW : ClockState.GREEN;
		return new ClockReading(state, remaining, Duration.ZERO);
	}

}
