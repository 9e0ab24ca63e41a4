package org.ducha.petitions;

import java.time.Instant;

/**
 * What a correction does to one of the case's clocks: a running clock is computed again
 * from the corrected priority or transfer time; a stopped one keeps its result.
 *
 * @param kind {@code RECEIPT} or {@code REPORT}
 * @param running whether the clock runs, and so is computed again
 * @param dueBefore when it was due before the correction
 * @param dueAfter when it is due after; the same as before for a stopped clock, and for a
 * running one whose policy gives the same due time (a round whose ordinary and key cases
 * have the same report deadline)
 */
public record ClockChange(String kind, boolean running, Instant dueBefore, Instant dueAfter) {

}
