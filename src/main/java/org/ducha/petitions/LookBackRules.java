package org.ducha.petitions;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The look-back rules (回头看): which cases may be looked back at, when, and when an outcome
 * may be recorded and reopens the case. Each rule answers with a reason a person can
 * read, or with nothing when it allows.
 */
final class LookBackRules {

	private LookBackRules() {
	}

	/** Only a closed case is looked back at: an open one is still being handled. */
	static Optional<Refusal> mayLookBack(Petition petition) {
		if (petition.status() != PetitionStatus.CLOSED) {
			return Optional.of(new Refusal("lookBack.notClosed", petition.receiptNumber(),
					Refusal.term("status.", petition.status())));
		}
		return Optional.empty();
	}

	/** A look-back is scheduled for today or later, never for a day gone by. */
	static Optional<Refusal> mayScheduleFor(LocalDate day, LocalDate today) {
		if (day.isBefore(today)) {
			return Optional.of(new Refusal("lookBack.scheduledFor.past"));
		}
		return Optional.empty();
	}

	/** An outcome is recorded once; a second finding is a new look-back. */
	static Optional<Refusal> mayRecordOutcome(LookBack lookBack) {
		if (lookBack.cancelled()) {
			return Optional.of(new Refusal("lookBack.cancelled.already", lookBack.receiptNumber()));
		}
		if (!lookBack.pending()) {
			return Optional.of(new Refusal("lookBack.alreadyRecorded", lookBack.receiptNumber()));
		}
		return Optional.empty();
	}

	/** Only a look-back still to do is moved or called off. */
	static Optional<Refusal> mayChange(LookBack lookBack) {
		return lookBack.pending() ? Optional.empty() : mayRecordOutcome(lookBack);
	}

	/**
	 * A rebound reopens the case if it is still closed; if another look-back has reopened
	 * it already, the finding is recorded and the case stays as it is.
	 */
	static boolean reopens(LookBackOutcome outcome, Petition petition) {
		return outcome == LookBackOutcome.REBOUND && petition.status() == PetitionStatus.CLOSED;
	}

}
