package org.ducha.petitions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ducha.journal.Journal;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.PersonalNumbers;
import org.ducha.shared.RuleViolation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Look-backs (回头看) at closed cases. The office schedules them, for one case or many at
 * once, and records what it found; a rebound (反弹) reopens the case: it goes back to
 * ASSIGNED in a new handling cycle, whose six conditions and follow-ups start over, with
 * a new report clock. The office and leaders read them.
 * <p>
 * A scheduled look-back is journaled on the look-back, not on the case, whose history the
 * units under inspection read: an unannounced visit (暗访) must stay unannounced.
 */
@Service
@Transactional
public class LookBacks {

	/** How many look-backs done the list shows, newest first. */
	public static final int DONE_SHOWN = 100;

	/** How many closed cases the scheduling form offers, newest first. */
	public static final int CLOSED_SHOWN = 200;

	static final int FINDING_LENGTH = 2000;

	private final PetitionStore petitions;

	private final LookBackStore store;

	private final ClosureStore closures;

	private final PetitionClocks clocks;

	private final RoundQueries rounds;

	private final Journal journal;

	private final Clock clock;

	private final CaseVisibility visibility;

	LookBacks(PetitionStore petitions, LookBackStore store, ClosureStore closures, PetitionClocks clocks,
			RoundQueries rounds, Journal journal, Clock clock, CaseVisibility visibility) {
		this.visibility = visibility;
		this.petitions = petitions;
		this.store = store;
		this.closures = closures;
		this.clocks = clocks;
		this.rounds = rounds;
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * Schedules a look-back for each chosen closed case, all or none.
	 * @param petitionIds cases chosen from the list of closed cases
	 * @param receiptNumbers cases chosen by receipt number; each must name exactly one
	 * closed case
	 * @param note who goes and what to check; optional
	 * @return the new look-backs' ids, in the order of the cases' ids
	 * @throws InvalidInput naming each field that is wrong, each unknown, open or
	 * ambiguous receipt number
	 * @throws RuleViolation if a chosen case is not closed
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public List<Long> schedule(Collection<Long> petitionIds, Collection<String> receiptNumbers, LookBackMethod method,
			LocalDate scheduledFor, String note) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		Set<Long> ids = new TreeSet<>((petitionIds != null) ? petitionIds : List.of());
		ids.addAll(resolve(receiptNumbers, problems));
		if (ids.isEmpty() && problems.isEmpty()) {
			problems.add("cases", "lookBack.noneChosen");
		}
		if (method == null) {
			problems.add("method", "lookBack.method.required");
		}
		if (scheduledFor == null) {
			problems.add("scheduledFor", "lookBack.scheduledFor.required");
		}
		else {
			LookBackRules.mayScheduleFor(scheduledFor, LocalDate.ofInstant(this.clock.instant(), this.clock.getZone()))
				.ifPresent((refusal) -> problems.add("scheduledFor", refusal.code(), refusal.args()));
		}
		String text = Closures.stripped(note);
		if (text != null && text.length() > Closures.NOTE_LENGTH) {
			problems.add("note", "form.tooLong", Closures.NOTE_LENGTH);
		}
		problems.throwIfAny();
		Instant now = this.clock.instant();
		String by = CurrentActor.get().login();
		List<Long> scheduled = new ArrayList<>();
		// In id order, so that two offices scheduling overlapping cases wait rather than
		// deadlock.
		for (long id : ids) {
			Petition petition = this.petitions.petitionForUpdate(id).orElseThrow(() -> new NotFound("petition", id));
			LookBackRules.mayLookBack(petition).ifPresent((refusal) -> {
				throw refusal.violation();
			});
			int cycle = this.closures.cycleOf(id);
			long lookBackId = this.store.insert(id, cycle, method, scheduledFor, text, by, now);
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("petition", id);
			facts.put("receiptNumber", petition.receiptNumber());
			facts.put("cycle", cycle);
			facts.put("method", method.name());
			facts.put("scheduledFor", scheduledFor.toString());
			facts.put("note", (text != null) ? PersonalNumbers.redact(text) : "");
			this.journal.record("look_back", lookBackId, "LookBackScheduled", facts);
			scheduled.add(lookBackId);
		}
		return scheduled;
	}

	private Set<Long> resolve(Collection<String> receiptNumbers, InvalidInput.Collector problems) {
		Set<String> numbers = new LinkedHashSet<>();
		if (receiptNumbers != null) {
			receiptNumbers.stream().map(Closures::stripped).filter((n) -> n != null).forEach(numbers::add);
		}
		Map<String, List<LookBackStore.Numbered>> found = new LinkedHashMap<>();
		this.store.byReceiptKeys(numbers.stream().map(ReceiptNumber::keyOf).toList())
			.forEach((n) -> found.computeIfAbsent(n.receiptKey(), (k) -> new ArrayList<>()).add(n));
		Set<Long> ids = new LinkedHashSet<>();
		for (String number : numbers) {
			List<LookBackStore.Numbered> cases = found.getOrDefault(ReceiptNumber.keyOf(number), List.of());
			List<LookBackStore.Numbered> closed = cases.stream()
				.filter((n) -> n.status() == PetitionStatus.CLOSED)
				.toList();
			if (cases.isEmpty()) {
				problems.add("receiptNumbers", "lookBack.receiptNumber.unknown", number);
			}
			else if (closed.isEmpty()) {
				problems.add("receiptNumbers", "lookBack.receiptNumber.notClosed", number,
						Refusal.term("status.", cases.get(0).status()));
			}
			else if (closed.size() > 1) {
				problems.add("receiptNumbers", "lookBack.receiptNumber.ambiguous", number);
			}
			else {
				ids.add(closed.get(0).id());
			}
		}
		return ids;
	}

	/**
	 * Records what a look-back found. A rebound reopens the case if it is still closed:
	 * back to ASSIGNED, in a new cycle, with a new report clock from now, journaled as
	 * {@code PetitionReopened} with the look-back and the result of the cycle it ends.
	 * @throws InvalidInput if the outcome or the finding is missing
	 * @throws RuleViolation if the outcome was recorded already
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void recordOutcome(long lookBackId, LookBackOutcome outcome, String finding) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (outcome == null) {
			problems.add("outcome", "lookBack.outcome.required");
		}
		String text = Closures.stripped(finding);
		if (text == null) {
			problems.add("finding", "lookBack.finding.required");
		}
		else if (text.length() > FINDING_LENGTH) {
			problems.add("finding", "form.tooLong", FINDING_LENGTH);
		}
		problems.throwIfAny();
		long petitionId = this.store.lookBack(lookBackId)
			.orElseThrow(() -> new NotFound("look-back", lookBackId))
			.petitionId();
		// The case first, then the look-back: the order every writer of the case takes.
		Petition petition = this.petitions.petitionForUpdate(petitionId).orElseThrow();
		LookBack lookBack = this.store.lookBackForUpdate(lookBackId).orElseThrow();
		LookBackRules.mayRecordOutcome(lookBack).ifPresent((refusal) -> {
			throw refusal.violation();
		});
		Instant now = this.clock.instant();
		Reopening reopening = LookBackRules.reopens(outcome, petition) ? reopen(petition, lookBack, now) : null;
		this.store.recordOutcome(lookBackId, outcome, text, CurrentActor.get().login(), now,
				(reopening != null) ? reopening.cycle() : null);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("petition", petitionId);
		facts.put("receiptNumber", petition.receiptNumber());
		facts.put("outcome", outcome.name());
		facts.put("finding", PersonalNumbers.redact(text));
		facts.put("reopenedCycle", (reopening != null) ? reopening.cycle() : "");
		this.journal.record("look_back", lookBackId, "LookBackRecorded", facts);
		if (reopening != null) {
			Map<String, Object> reopened = new LinkedHashMap<>();
			reopened.put("receiptNumber", petition.receiptNumber());
			reopened.put("lookBack", lookBackId);
			reopened.put("method", lookBack.method().name());
			reopened.put("finding", PersonalNumbers.redact(text));
			reopened.put("cycle", reopening.cycle());
			reopened.put("previousCycle", reopening.previous().cycle());
			reopened.put("previousClosedAt", reopening.previous().closedAt().toString());
			reopened.put("previousClosedBy", reopening.previous().closedBy());
			reopened.put("previousVerdict", name(reopening.previous().verdict()));
			reopened.put("previousCompletion", name(reopening.previous().completion()));
			this.journal.record("petition", petitionId, "PetitionReopened", reopened);
		}
	}

	private record Reopening(int cycle, CycleResult previous) {
	}

	/**
	 * Sets the closed case back to ASSIGNED in its next cycle and starts its report
	 * clock, before anything is journaled (the lock order of the sweep). The approved
	 * outcome leaves the case, since the new cycle has none yet; the closed cycle keeps
	 * it.
	 */
	private Reopening reopen(Petition petition, LookBack lookBack, Instant now) {
		int previous = this.closures.cycleOf(petition.id());
		CycleResult result = this.closures.result(petition.id(), previous).orElseThrow();
		if (!this.petitions.updateStatus(petition.id(), petition.version(), PetitionStatus.ASSIGNED)) {
			throw new EditConflict(petition.receiptNumber());
		}
		this.closures.startCycle(petition.id(), previous + 1);
		this.closures.markReopened(petition.id(), previous, now, lookBack.id());
		this.petitions.updateOutcome(petition.id(), null, null);
		this.clocks.reopened(petition.id(), this.rounds.round(petition.roundId()), petition.keyCase(), now);
		return new Reopening(previous + 1, result);
	}

	/**
	 * Look-backs as the reader may see them: leaders read the office's notes and findings
	 * with personal numbers masked, as they read every text about a case.
	 */
	private List<LookBack> shown(List<LookBack> lookBacks) {
		return this.visibility.current().office() ? lookBacks : lookBacks.stream().map(LookBack::masked).toList();
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : "";
	}

	/**
	 * Moves a look-back still to do to another day (改期), with the reason.
	 * @throws InvalidInput if the day is missing or gone by, or the reason missing
	 * @throws RuleViolation if the look-back was done or called off already
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public LookBack reschedule(long lookBackId, LocalDate day, String reason) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (day == null) {
			problems.add("scheduledFor", "lookBack.scheduledFor.required");
		}
		else {
			LookBackRules.mayScheduleFor(day, LocalDate.ofInstant(this.clock.instant(), this.clock.getZone()))
				.ifPresent((refusal) -> problems.add("scheduledFor", refusal.code(), refusal.args()));
		}
		String text = reason(reason, problems);
		problems.throwIfAny();
		LookBack lookBack = changeable(lookBackId);
		this.store.reschedule(lookBackId, day);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("petition", lookBack.petitionId());
		facts.put("from", lookBack.scheduledFor().toString());
		facts.put("to", day.toString());
		facts.put("reason", PersonalNumbers.redact(text));
		this.journal.record("look_back", lookBackId, "LookBackRescheduled", facts);
		return lookBack(lookBackId);
	}

	/**
	 * Calls off a look-back still to do (取消), with the reason; it stays on the case's
	 * record.
	 * @throws InvalidInput if the reason is missing
	 * @throws RuleViolation if the look-back was done or called off already
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public LookBack cancel(long lookBackId, String reason) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		String text = reason(reason, problems);
		problems.throwIfAny();
		LookBack lookBack = changeable(lookBackId);
		this.store.cancel(lookBackId, text, CurrentActor.get().login(), this.clock.instant());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("petition", lookBack.petitionId());
		facts.put("reason", PersonalNumbers.redact(text));
		this.journal.record("look_back", lookBackId, "LookBackCancelled", facts);
		return lookBack(lookBackId);
	}

	private static String reason(String reason, InvalidInput.Collector problems) {
		String text = Closures.stripped(reason);
		if (text == null) {
			problems.add("reason", "lookBack.change.reason.required");
		}
		else if (text.length() > Closures.NOTE_LENGTH) {
			problems.add("reason", "form.tooLong", Closures.NOTE_LENGTH);
		}
		return text;
	}

	/** The look-back, locked, if it may still be changed. */
	private LookBack changeable(long lookBackId) {
		LookBack lookBack = this.store.lookBackForUpdate(lookBackId)
			.orElseThrow(() -> new NotFound("look-back", lookBackId));
		LookBackRules.mayChange(lookBack).ifPresent((refusal) -> {
			throw refusal.violation();
		});
		return lookBack;
	}

	/** Look-backs still to do, the earliest day first, so that the overdue lead. */
	@PreAuthorize("hasAnyRole('OFFICE','LEADER')")
	@Transactional(readOnly = true)
	public List<LookBack> pending() {
		return shown(this.store.pending());
	}

	/** The latest {@value #DONE_SHOWN} look-backs done, newest first. */
	@PreAuthorize("hasAnyRole('OFFICE','LEADER')")
	@Transactional(readOnly = true)
	public List<LookBack> done() {
		return shown(this.store.done(DONE_SHOWN));
	}

	@PreAuthorize("hasAnyRole('OFFICE','LEADER')")
	@Transactional(readOnly = true)
	public LookBack lookBack(long id) {
		return shown(List.of(this.store.lookBack(id).orElseThrow(() -> new NotFound("look-back", id)))).get(0);
	}

	/** A case's look-backs, oldest first. */
	@PreAuthorize("hasAnyRole('OFFICE','LEADER')")
	@Transactional(readOnly = true)
	public List<LookBack> ofPetition(long petitionId) {
		return shown(this.store.ofPetition(petitionId));
	}

	/**
	 * The latest {@value #CLOSED_SHOWN} closed cases, newest first, for the office to
	 * choose from.
	 */
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional(readOnly = true)
	public List<Petition> closedCases() {
		return this.petitions.petitions(this.store.closedIds(CLOSED_SHOWN));
	}

}
