package org.ducha.petitions;

import java.time.Instant;
import java.time.LocalDate;

import org.ducha.shared.PersonalNumbers;

/**
 * A look-back (回头看) at a closed case, scheduled by the office and, once done, with its
 * outcome.
 *
 * @param cycle the handling cycle whose closing is re-inspected
 * @param assignedNote who goes and what to check, as the office wrote it; outside the
 * office with personal numbers masked, like {@code finding}
 * @param outcome {@code null} until the office records what was found
 * @param reopenedCycle the cycle a rebound opened, or {@code null}
 * @param cancelledAt when the office called it off, or {@code null}
 * @param cancelReason why it was called off
 */
public record LookBack(long id, long petitionId, String receiptNumber, int cycle, LookBackMethod method,
		LocalDate scheduledFor, String assignedNote, String scheduledBy, Instant scheduledAt, LookBackOutcome outcome,
		String finding, String recordedBy, Instant recordedAt, Integer reopenedCycle, String cancelledBy,
		Instant cancelledAt, String cancelReason) {

	/** Still to be done: no outcome yet, and not called off. */
	public boolean pending() {
		return this.outcome == null && this.cancelledAt == null;
	}

	public boolean cancelled() {
		return this.cancelledAt != null;
	}

	/** The same look-back with personal numbers masked in the office's texts. */
	LookBack masked() {
		return new LookBack(this.id, this.petitionId, this.receiptNumber, this.cycle, this.method, this.scheduledFor,
				redact(this.assignedNote), this.scheduledBy, this.scheduledAt, this.outcome, redact(this.finding),
				this.recordedBy, this.recordedAt, this.reopenedCycle, this.cancelledBy, this.cancelledAt,
				redact(this.cancelReason));
	}

	private static String redact(String text) {
		return (text != null) ? PersonalNumbers.redact(text) : null;
	}

	/** Whether it is still to be done although its day has passed. */
	public boolean overdue(LocalDate today) {
		return pending() && this.scheduledFor.isBefore(today);
	}

}
