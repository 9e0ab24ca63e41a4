package org.ducha.petitions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ducha.journal.Journal;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.PersonalNumbers;
import org.ducha.shared.RuleViolation;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a case under the six conditions (六个不放过). The office records the complainant's
 * answer at follow-up (回访), records each other condition as met with a note or waives it
 * with a written reason, and closes the case once its report is approved and all six are
 * settled; {@link SixConditions} decides. Every write is the office's, journaled on the
 * case, and never puts the complainant or what they said into the journal. Conditions and
 * follow-ups belong to the case's current handling cycle: a rebound found by a look-back
 * starts a new one ({@link LookBacks}).
 */
@Service
@Transactional
public class Closures {

	static final int NOTE_LENGTH = 1000;

	private final PetitionStore petitions;

	private final ClosureStore store;

	private final PetitionQueries queries;

	private final Journal journal;

	private final Clock clock;

	Closures(PetitionStore petitions, ClosureStore store, PetitionQueries queries, Journal journal, Clock clock) {
		this.petitions = petitions;
		this.store = store;
		this.queries = queries;
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * Records the complainant's answer at a follow-up. 满意 and 基本满意 meet the
	 * public-satisfaction condition; 不满意 opens it again, even if it had been met or
	 * waived, since the public's latest word counts; 无法联系 leaves it as it was.
	 * @param note what the office noted; optional, kept out of the journal
	 * @throws InvalidInput naming the fields that are missing or too long
	 * @throws RuleViolation if the case is not in hand (not assigned yet, or closed)
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void recordSatisfaction(long petitionId, SatisfactionAnswer answer, FollowUpMethod method, String note) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (answer == null) {
			problems.add("answer", "satisfaction.answer.required");
		}
		if (method == null) {
			problems.add("method", "satisfaction.method.required");
		}
		String text = stripped(note);
		if (text != null && text.length() > NOTE_LENGTH) {
			problems.add("note", "form.tooLong", NOTE_LENGTH);
		}
		problems.throwIfAny();
		Petition petition = lockInHand(petitionId);
		int cycle = this.store.cycleOf(petitionId);
		Instant now = this.clock.instant();
		String by = CurrentActor.get().login();
		long id = this.store.insertSatisfaction(petitionId, cycle, answer, method, text, by, now);
		String publicSatisfied;
		if (answer.satisfied()) {
			this.store.settle(petitionId, new ConditionRecord(ClosureCondition.PUBLIC_SATISFIED, cycle,
					ConditionState.MET, null, id, by, now));
			publicSatisfied = ConditionState.MET.name();
		}
		else if (answer == SatisfactionAnswer.DISSATISFIED) {
			this.store.clear(petitionId, cycle, ClosureCondition.PUBLIC_SATISFIED);
			publicSatisfied = "OPEN";
		}
		else {
			publicSatisfied = this.store.conditions(petitionId, cycle)
				.stream()
				.filter((c) -> c.condition() == ClosureCondition.PUBLIC_SATISFIED)
				.map((c) -> c.state().name())
				.findFirst()
				.orElse("OPEN");
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("receiptNumber", petition.receiptNumber());
		facts.put("cycle", cycle);
		facts.put("answer", answer.name());
		facts.put("method", method.name());
		facts.put("publicSatisfied", publicSatisfied);
		this.journal.record("petition", petitionId, "SatisfactionRecorded", facts);
	}

	/**
	 * Records that a condition holds, with a note of what shows it (a finding, a
	 * rectification checked on site, a disclosure published).
	 * @throws InvalidInput if the note is missing or too long
	 * @throws RuleViolation for the public-satisfaction condition, which only a follow-up
	 * meets, or if the case is not in hand
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void recordMet(long petitionId, ClosureCondition condition, String note) {
		String text = requiredText(note, "note", "closure.note.required");
		SixConditions.mayMarkMet(condition).ifPresent((refusal) -> {
			throw refusal.violation();
		});
		settle(petitionId, condition, ConditionState.MET, text, "ConditionMet", "note");
	}

	/**
	 * Waives a condition for the current cycle, on the office head's decision, with a
	 * written reason; the waiver names who decided and why, and is journaled.
	 * @throws InvalidInput if the reason is missing or too long
	 * @throws RuleViolation if the case is not in hand
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void waive(long petitionId, ClosureCondition condition, String reason) {
		String text = requiredText(reason, "reason", "closure.waiver.reason.required");
		settle(petitionId, condition, ConditionState.WAIVED, text, "ConditionWaived", "reason");
	}

	private void settle(long petitionId, ClosureCondition condition, ConditionState state, String text, String event,
			String textKey) {
		if (condition == null) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("condition", "closure.condition.required")));
		}
		Petition petition = lockInHand(petitionId);
		int cycle = this.store.cycleOf(petitionId);
		this.store.settle(petitionId, new ConditionRecord(condition, cycle, state, text, null,
				CurrentActor.get().login(), this.clock.instant()));
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("receiptNumber", petition.receiptNumber());
		facts.put("cycle", cycle);
		facts.put("condition", condition.name());
		facts.put(textKey, PersonalNumbers.redact(text));
		this.journal.record("petition", petitionId, event, facts);
	}

	/**
	 * Closes the case (办结销号): allowed once its handling report is approved and each of
	 * the six conditions is met or waived.
	 * @param version the case's version as the office confirmed it
	 * @throws EditConflict if the case changed since {@code version}
	 * @throws RuleViolation naming the case's status if it is not approved
	 * @throws ConditionsMissing naming each condition still open, with its reason
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void close(long petitionId, long version) {
		Petition petition = this.petitions.petitionForUpdate(petitionId)
			.orElseThrow(() -> new NotFound("petition", petitionId));
		if (petition.version() != version) {
			throw new EditConflict(petition.receiptNumber());
		}
		SixConditions.mayClose(petition).ifPresent((refusal) -> {
			throw refusal.violation();
		});
		int cycle = this.store.cycleOf(petitionId);
		List<ConditionRecord> settled = this.store.conditions(petitionId, cycle);
		List<SixConditions.Gap> gaps = SixConditions.missing(settled,
				latest(this.store.satisfactions(petitionId, cycle)));
		if (!gaps.isEmpty()) {
			throw new ConditionsMissing(petition.receiptNumber(), gaps);
		}
		if (!this.petitions.updateStatus(petitionId, version, PetitionStatus.CLOSED)) {
			throw new EditConflict(petition.receiptNumber());
		}
		this.store.insertResult(petitionId, new CycleResult(cycle, this.clock.instant(), CurrentActor.get().login(),
				petition.verdict(), petition.completion(), null, null));
		Map<String, Object> conditions = new LinkedHashMap<>();
		settled.forEach((c) -> conditions.put(c.condition().name(), c.state().name()));
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("receiptNumber", petition.receiptNumber());
		facts.put("cycle", cycle);
		facts.put("conditions", conditions);
		this.journal.record("petition", petitionId, "PetitionClosed", facts);
	}

	/**
	 * The case's standing against the six conditions, for a reader who may see the case.
	 * Outside the office, personal numbers in notes are masked.
	 * @throws AccessDeniedException if the case lies outside the reader's scope
	 */
	@Transactional(readOnly = true)
	public ClosureOverview overview(long petitionId) {
		this.queries.petition(petitionId);
		boolean office = this.queries.readerIsOffice();
		int cycle = this.store.cycleOf(petitionId);
		List<ConditionRecord> settled = shownConditions(office, this.store.conditions(petitionId, cycle));
		List<Satisfaction> satisfactions = shownSatisfactions(office, this.store.satisfactions(petitionId, cycle));
		List<SixConditions.Gap> gaps = SixConditions.missing(settled, latest(satisfactions));
		List<ClosureOverview.Line> lines = new ArrayList<>();
		for (ClosureCondition condition : ClosureCondition.values()) {
			lines.add(new ClosureOverview.Line(condition,
					settled.stream().filter((c) -> c.condition() == condition).findFirst().orElse(null),
					gaps.stream().filter((g) -> g.condition() == condition).findFirst().orElse(null)));
		}
		List<CycleResult> results = this.store.results(petitionId);
		List<ClosureOverview.PastCycle> past = results.stream()
			.filter((r) -> r.cycle() < cycle)
			.map((r) -> new ClosureOverview.PastCycle(r,
					shownConditions(office, this.store.conditions(petitionId, r.cycle())),
					shownSatisfactions(office, this.store.satisfactions(petitionId, r.cycle()))))
			.toList();
		CycleResult closing = results.stream().filter((r) -> r.cycle() == cycle).findFirst().orElse(null);
		return new ClosureOverview(cycle, lines, gaps, satisfactions, closing, past);
	}

	/**
	 * The conditions of one cycle as settled, for a reader who may see the case; earlier
	 * cycles stay readable after a rebound.
	 */
	@Transactional(readOnly = true)
	public List<ConditionRecord> conditions(long petitionId, int cycle) {
		this.queries.petition(petitionId);
		return shownConditions(this.queries.readerIsOffice(), this.store.conditions(petitionId, cycle));
	}

	private Petition lockInHand(long petitionId) {
		Petition petition = this.petitions.petitionForUpdate(petitionId)
			.orElseThrow(() -> new NotFound("petition", petitionId));
		SixConditions.mayRecord(petition).ifPresent((refusal) -> {
			throw refusal.violation();
		});
		return petition;
	}

	static Satisfaction latest(List<Satisfaction> satisfactions) {
		return satisfactions.isEmpty() ? null : satisfactions.get(satisfactions.size() - 1);
	}

	private static List<ConditionRecord> shownConditions(boolean office, List<ConditionRecord> conditions) {
		return office ? conditions
				: conditions.stream()
					.map((c) -> (c.note() != null) ? c.withNote(PersonalNumbers.redact(c.note())) : c)
					.toList();
	}

	private static List<Satisfaction> shownSatisfactions(boolean office, List<Satisfaction> satisfactions) {
		return office ? satisfactions
				: satisfactions.stream()
					.map((s) -> (s.note() != null) ? s.withNote(PersonalNumbers.redact(s.note())) : s)
					.toList();
	}

	private static String requiredText(String value, String field, String requiredCode) {
		String text = stripped(value);
		if (text == null) {
			throw new InvalidInput(List.of(new InvalidInput.Problem(field, requiredCode)));
		}
		if (text.length() > NOTE_LENGTH) {
			throw new InvalidInput(List.of(new InvalidInput.Problem(field, "form.tooLong", NOTE_LENGTH)));
		}
		return text;
	}

	static String stripped(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
