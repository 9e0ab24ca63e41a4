package org.ducha.petitions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.ducha.deadlines.DeadlineClock;
import org.ducha.deadlines.DeadlineClockChanged;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.deadlines.DeadlinePolicy;
import org.ducha.rounds.Round;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The clocks of a case, as the round's policies set them: receipt from the transfer until
 * the batch is received, report from receipt until the lead unit submits, and supplement
 * from a return until the report is submitted again. Keeps the case's "most urgent clock"
 * columns in step, for lists and filters, with the years whose calendar was missing when
 * the running clocks' due instants were computed.
 * <p>
 * Clocks are started and stopped before the caller journals its own event, so that a
 * case's writers and the sweep take their locks in the same order.
 */
@Component
class PetitionClocks {

	static final String SUBJECT = "petition";

	static final String RECEIPT = "RECEIPT";

	static final String REPORT = "REPORT";

	static final String SUPPLEMENT = "SUPPLEMENT";

	private static final Comparator<DeadlineClock> MOST_URGENT = Comparator
		.comparing((DeadlineClock c) -> c.state().ordinal(), Comparator.reverseOrder())
		.thenComparing(DeadlineClock::dueAt);

	private final DeadlineClocks clocks;

	private final PetitionStore store;

	PetitionClocks(DeadlineClocks clocks, PetitionStore store) {
		this.clocks = clocks;
		this.store = store;
	}

	/**
	 * A case arrives in a batch not yet received: the receipt clock runs from the
	 * transfer.
	 */
	void transferred(long petitionId, Round round, Instant transferredAt) {
		this.clocks.start(SUBJECT, petitionId, RECEIPT, round.receiptPolicy(), transferredAt);
	}

	/** The case is received: the receipt clock stops, the report clock starts. */
	void received(long petitionId, Round round, boolean keyCase, Instant receivedAt) {
		this.clocks.stop(SUBJECT, petitionId, RECEIPT, receivedAt);
		this.clocks.start(SUBJECT, petitionId, REPORT, round.reportPolicy(keyCase), receivedAt);
	}

	/** The lead unit submits its report: the report or supplement clock stops. */
	void reportSubmitted(long petitionId, Instant at) {
		this.clocks.stop(SUBJECT, petitionId, REPORT, at);
		this.clocks.stop(SUBJECT, petitionId, SUPPLEMENT, at);
	}

	/** The office returns the report: the supplement clock starts. */
	DeadlineClock returned(long petitionId, Round round, Instant at) {
		return this.clocks.start(SUBJECT, petitionId, SUPPLEMENT, round.supplementPolicy(), at);
	}

	/** A rebound reopens the case: a new report clock runs from the reopening. */
	void reopened(long petitionId, Round round, boolean keyCase, Instant at) {
		this.clocks.start(SUBJECT, petitionId, REPORT, round.reportPolicy(keyCase), at);
	}

	/**
	 * The case's priority was corrected: a running report clock is computed again under
	 * the round's policy for the corrected priority, from its own start (the receipt, or
	 * a reopening). A report clock already stopped keeps its result.
	 */
	Optional<DeadlineClock> priorityCorrected(long petitionId, Round round, boolean keyCase) {
		return runningOf(petitionId, REPORT).flatMap((clock) -> this.clocks.restate(SUBJECT, petitionId, REPORT,
				round.reportPolicy(keyCase), clock.startedAt()));
	}

	/**
	 * The case's transfer time was corrected: a running receipt clock is computed again
	 * from it, under its own policy. Once the batch is received the receipt clock has
	 * stopped and keeps its result.
	 */
	Optional<DeadlineClock> transferCorrected(long petitionId, Instant transferredAt) {
		return runningOf(petitionId, RECEIPT).flatMap((clock) -> this.clocks.restate(SUBJECT, petitionId, RECEIPT,
				DeadlinePolicy.parse(clock.policy()), transferredAt));
	}

	/** The running clock of a kind on the case, if one runs. */
	Optional<DeadlineClock> runningOf(long petitionId, String kind) {
		return this.clocks.running(SUBJECT, List.of(petitionId))
			.getOrDefault(petitionId, List.of())
			.stream()
			.filter((c) -> c.kind().equals(kind))
			.findFirst();
	}

	List<DeadlineClock> of(long petitionId) {
		return this.clocks.of(SUBJECT, petitionId);
	}

	/**
	 * Keeps the case's most urgent clock up to date whenever one of its clocks changes.
	 */
	@EventListener
	void on(DeadlineClockChanged changed) {
		if (!SUBJECT.equals(changed.subjectType())) {
			return;
		}
		List<DeadlineClock> running = this.clocks.running(SUBJECT, List.of(changed.subjectId()))
			.getOrDefault(changed.subjectId(), List.of());
		DeadlineClock urgent = running.stream().min(MOST_URGENT).orElse(null);
		SortedSet<Integer> yearsNotLoaded = new TreeSet<>();
		running.forEach((clock) -> yearsNotLoaded.addAll(clock.yearsNotLoaded()));
		this.store.updateClock(changed.subjectId(), (urgent != null) ? urgent.kind() : null,
				(urgent != null) ? urgent.state() : null, (urgent != null) ? urgent.dueAt() : null, yearsNotLoaded);
	}

}
