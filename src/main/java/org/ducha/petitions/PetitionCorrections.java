package org.ducha.petitions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ducha.accounts.AccountQueries;
import org.ducha.deadlines.DeadlineClock;
import org.ducha.deadlines.DeadlinePolicy;
import org.ducha.deadlines.WorkingCalendars;
import org.ducha.journal.Journal;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.PersonalNumbers;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office corrects what was registered of a case's transfer when it differs from what
 * the inspection team transferred (a mistyped receipt number, a key case entered as
 * ordinary, the wrong district): the fields an intake compares with a re-imported row, so
 * that once corrected the team's sheet imports again as unchanged. The complainant is not
 * among them: it stays sealed and is never shown or journaled here.
 * <p>
 * A correction is allowed in every state of the case. The details record what the team
 * transferred, not what anyone decided since, and a case that disagrees with the team's
 * sheet would make every later import of that sheet fail. Nothing decided later is
 * recomputed: the handling report, its verdict and the closing conditions stay; a running
 * clock that depends on a corrected field is computed again, a stopped one keeps its
 * result. When a case with an approved report changes in a column of the disclosure
 * table, the answer says so, because a table already published for its batch then needs a
 * correction version.
 * <p>
 * Only the office corrects, and only cases of rounds within its own region. Every
 * correction needs a reason, is checked by the rules of hand registration, is written all
 * or nothing against the version of the case the office read, bumps that version, and is
 * journaled as {@code PetitionCorrected} with the reason and each changed field before
 * and after, personal numbers masked.
 */
@Service
@Transactional
public class PetitionCorrections {

	static final int MAX_REASON = 1000;

	/** The fields the disclosure table shows. */
	private static final Set<IntakeField> DISCLOSED = Set.of(IntakeField.RECEIPT_NUMBER, IntakeField.COMPLAINT,
			IntakeField.REGIONS, IntakeField.POLLUTION_TYPES);

	/** Free text that may hold a personal number, masked in the journal's copy. */
	private static final Set<IntakeField> FREE_TEXT = Set.of(IntakeField.COMPLAINT, IntakeField.REPORTED_OBJECT,
			IntakeField.ADDRESS);

	private final PetitionStore store;

	private final RoundQueries rounds;

	private final AccountQueries accounts;

	private final PetitionClocks clocks;

	private final WorkingCalendars calendars;

	private final Journal journal;

	PetitionCorrections(PetitionStore store, RoundQueries rounds, AccountQueries accounts, PetitionClocks clocks,
			WorkingCalendars calendars, Journal journal) {
		this.store = store;
		this.rounds = rounds;
		this.accounts = accounts;
		this.clocks = clocks;
		this.calendars = calendars;
		this.journal = journal;
	}

	/** The page on which the office corrects a case. */
	public static String pagePath(long petitionId) {
		return "/petitions/" + petitionId + "/correction";
	}

	/**
	 * The case's transfer details as registered, to fill the correction form.
	 * @throws NotFound if there is no such case
	 */
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional(readOnly = true)
	public TransferDetails details(long petitionId) {
		Petition petition = this.store.petition(petitionId).orElseThrow(() -> new NotFound("petition", petitionId));
		requireOwnRegion(this.rounds.round(petition.roundId()));
		return current(petition);
	}

	/**
	 * What saving the correction would change, without writing anything: for the page
	 * that lets the office check its answers.
	 * @param version the version of the case the office read
	 * @throws EditConflict if the case changed since
	 * @throws InvalidInput naming each field that is wrong, or nothing changed
	 */
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional(readOnly = true)
	public Correction check(long petitionId, long version, TransferDetails corrected, String reason) {
		Petition petition = this.store.petition(petitionId).orElseThrow(() -> new NotFound("petition", petitionId));
		Plan plan = plan(petition, version, corrected, reason);
		return new Correction(petitionId, version, plan.changes(), plan.disclosureAffected(),
				clockChanges(petition, plan, plan.details()));
	}

	/**
	 * Saves the correction, all or nothing, and journals it.
	 * @param version the version of the case the office read
	 * @return what changed, with the case's new version
	 * @throws EditConflict if the case changed since {@code version} was read
	 * @throws InvalidInput naming each field that is wrong, or nothing changed
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public Correction correct(long petitionId, long version, TransferDetails typed, String reason) {
		Petition petition = this.store.petitionForUpdate(petitionId)
			.orElseThrow(() -> new NotFound("petition", petitionId));
		Plan plan = plan(petition, version, typed, reason);
		TransferDetails corrected = plan.details();
		if (!this.store.correct(petitionId, version, corrected, plan.repeatOfId(),
				corrected.asTransferred().contentHash())) {
			throw new EditConflict(petition.receiptNumber());
		}
		if (!corrected.receiptNumber().equals(petition.receiptNumber())) {
			for (Petition repeat : this.store.petitions(this.store.repeatsOf(petitionId))) {
				this.store.updateContentHash(repeat.id(),
						TransferDetails.of(repeat, corrected.receiptNumber()).asTransferred().contentHash());
			}
		}
		List<ClockChange> clockChanges = new ArrayList<>();
		List<ClockChange> foreseen = clockChanges(petition, plan, corrected);
		if (corrected.priority() != petition.priority()) {
			restated(foreseen, PetitionClocks.REPORT,
					this.clocks.priorityCorrected(petitionId, plan.round(), corrected.priority() == Priority.KEY),
					clockChanges);
		}
		if (!corrected.transferredAt().equals(petition.transferredAt())) {
			restated(foreseen, PetitionClocks.RECEIPT,
					this.clocks.transferCorrected(petitionId, corrected.transferredAt()), clockChanges);
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("receiptNumber", corrected.receiptNumber());
		facts.put("reason", PersonalNumbers.redact(reason.strip()));
		facts.put("changes", plan.journaled());
		facts.put("version", version + 1);
		this.journal.record("petition", petitionId, RecordedCorrection.EVENT, facts);
		return new Correction(petitionId, version + 1, plan.changes(), plan.disclosureAffected(), clockChanges);
	}

	/**
	 * What was foreseen for a clock of this kind, with the due instant it was actually
	 * given when it ran and was restated.
	 */
	private static void restated(List<ClockChange> foreseen, String kind, Optional<DeadlineClock> restated,
			List<ClockChange> out) {
		for (ClockChange change : foreseen) {
			if (change.kind().equals(kind)) {
				out.add(restated.map((clock) -> new ClockChange(kind, true, change.dueBefore(), clock.dueAt()))
					.orElse(change));
			}
		}
	}

	/** A checked correction, ready to be shown or written. */
	/**
	 * A checked correction, ready to be shown or written.
	 *
	 * @param details the corrected details, a text that differs only in line breaks or
	 * surrounding blanks kept as stored
	 */
	private record Plan(Round round, TransferDetails details, Long repeatOfId, List<FieldChange> changes,
			List<Map<String, Object>> journaled, boolean disclosureAffected) {
	}

	private Plan plan(Petition petition, long version, TransferDetails typed, String reason) {
		Round round = this.rounds.round(petition.roundId());
		requireOwnRegion(round);
		if (petition.version() != version) {
			throw new EditConflict(petition.receiptNumber());
		}
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (reason == null || reason.isBlank()) {
			problems.add("reason", "correction.reason.required");
		}
		else if (reason.strip().length() > MAX_REASON) {
			problems.add("reason", "form.tooLong", MAX_REASON);
		}
		Long repeatOfId = checkFields(petition, round, typed, problems);
		problems.throwIfAny();
		TransferDetails stored = current(petition);
		TransferDetails corrected = keepingStoredText(stored, typed);
		Map<IntakeField, Object> before = stored.values();
		Map<IntakeField, Object> after = corrected.values();
		List<FieldChange> changes = new ArrayList<>();
		List<Map<String, Object>> journaled = new ArrayList<>();
		boolean disclosed = false;
		for (Map.Entry<IntakeField, Object> field : before.entrySet()) {
			Object was = field.getValue();
			Object now = after.get(field.getKey());
			if (Objects.equals(was, now)) {
				continue;
			}
			String name = field.getKey().formField();
			changes.add(new FieldChange(name, was, now));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("field", name);
			entry.put("before", journalCopy(field.getKey(), was));
			entry.put("after", journalCopy(field.getKey(), now));
			journaled.add(entry);
			disclosed |= DISCLOSED.contains(field.getKey());
		}
		if (changes.isEmpty()) {
			throw new InvalidInput(List.of(new InvalidInput.Problem(null, "correction.unchanged")));
		}
		boolean approved = petition.status() == PetitionStatus.APPROVED || petition.status() == PetitionStatus.CLOSED;
		return new Plan(round, corrected, repeatOfId, changes, journaled, approved && disclosed);
	}

	/**
	 * The typed details, with each text that says the same as the stored one kept as
	 * stored: a browser sends every line break of a text area as CR LF, while an imported
	 * complaint has bare LFs, and a correction of another field must not change the
	 * complaint (nor its digest) by that.
	 */
	private static TransferDetails keepingStoredText(TransferDetails stored, TransferDetails typed) {
		return new TransferDetails(typed.receiptNumber(), typed.transferredAt(), typed.channel(), typed.priority(),
				sameText(stored.complaint(), typed.complaint()) ? stored.complaint() : typed.complaint(),
				sameText(stored.reportedObject(), typed.reportedObject()) ? stored.reportedObject()
						: typed.reportedObject(),
				sameText(stored.address(), typed.address()) ? stored.address() : typed.address(), typed.regionCodes(),
				typed.pollutionTypes(), typed.repeatOf());
	}

	private static boolean sameText(String stored, String typed) {
		return Objects.equals(normalised(stored), normalised(typed));
	}

	private static String normalised(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	/**
	 * Checks the corrected details by the rules of hand registration, and that the
	 * receipt number stays unique in the round and a repeat points to a case registered
	 * before this one.
	 * @return the id of the case repeated, or {@code null}
	 */
	private Long checkFields(Petition petition, Round round, TransferDetails corrected,
			InvalidInput.Collector problems) {
		String number = ReceiptNumber.keyOf(corrected.receiptNumber());
		String repeatOf = ReceiptNumber.keyOf(corrected.repeatOf());
		List<String> lookedUp = new ArrayList<>();
		if (number != null) {
			lookedUp.add(number);
		}
		if (repeatOf != null && !repeatOf.isBlank()) {
			lookedUp.add(repeatOf);
		}
		Map<String, PetitionStore.Existing> stored = this.store.existing(round.id(), lookedUp);
		// The rules compare a stored number with the row's content and look repeats up
		// among stored numbers (both by key); give them only the case repeated, so that
		// the
		// case's own number is never a conflict with itself.
		Map<String, PetitionStore.Existing> repeatable = new HashMap<>();
		PetitionStore.Existing repeated = (repeatOf != null) ? stored.get(repeatOf) : null;
		if (repeated != null && !repeatOf.equals(number)) {
			repeatable.put(repeatOf, repeated);
		}
		List<IntakeProblem> found = IntakeRules.check(List.of(corrected.asTransferred()), 1,
				IntakeRules.regionsWithin(round.regionCode(), this.accounts.regions()), repeatable);
		for (IntakeProblem p : found) {
			problems.add((p.field() != null) ? p.field().formField() : null, p.code(),
					(p.args().length > 0) ? p.args() : new Object[] { p.value() });
		}
		PetitionStore.Existing sameNumber = (number != null) ? stored.get(number) : null;
		if (sameNumber != null && sameNumber.id() != petition.id()) {
			problems.add(IntakeField.RECEIPT_NUMBER.formField(), "intake.receiptNumber.exists",
					corrected.receiptNumber());
		}
		if (repeated == null || repeatOf.equals(number)) {
			return null;
		}
		if (repeated.id() == petition.id()) {
			problems.add(IntakeField.REPEAT_OF.formField(), "intake.repeatOf.self", corrected.repeatOf());
		}
		else if (repeated.id() > petition.id()) {
			problems.add(IntakeField.REPEAT_OF.formField(), "correction.repeatOf.later", corrected.repeatOf());
		}
		return repeated.id();
	}

	/** The journal's copy of a value: free text with personal numbers masked. */
	private static Object journalCopy(IntakeField field, Object value) {
		return (value instanceof String text && FREE_TEXT.contains(field)) ? PersonalNumbers.redact(text) : value;
	}

	/**
	 * What the correction does to the clocks that depend on a changed field: the report
	 * clock on the priority (its policy differs between ordinary and key cases), the
	 * receipt clock on the transfer time (it runs from it). A clock that never started is
	 * not named: it will start from the corrected details.
	 */
	private List<ClockChange> clockChanges(Petition petition, Plan plan, TransferDetails corrected) {
		List<ClockChange> changes = new ArrayList<>();
		List<DeadlineClock> all = this.clocks.of(petition.id());
		if (corrected.priority() != petition.priority()) {
			latest(all, PetitionClocks.REPORT)
				.flatMap((clock) -> foreseen(clock, plan.round().reportPolicy(corrected.priority() == Priority.KEY),
						clock.startedAt()))
				.ifPresent(changes::add);
		}
		if (!corrected.transferredAt().equals(petition.transferredAt())) {
			latest(all, PetitionClocks.RECEIPT)
				.flatMap((clock) -> foreseen(clock, DeadlinePolicy.parse(clock.policy()), corrected.transferredAt()))
				.ifPresent(changes::add);
		}
		return changes;
	}

	private Optional<ClockChange> foreseen(DeadlineClock clock, DeadlinePolicy policy, Instant start) {
		if (!clock.running()) {
			return Optional.of(new ClockChange(clock.kind(), false, clock.dueAt(), clock.dueAt()));
		}
		Instant due = this.calendars.due(policy, start.truncatedTo(ChronoUnit.MILLIS))
			.at()
			.truncatedTo(ChronoUnit.MILLIS);
		return Optional.of(new ClockChange(clock.kind(), true, clock.dueAt(), due));
	}

	/** The running clock of a kind, or else the last one that stopped. */
	private static Optional<DeadlineClock> latest(List<DeadlineClock> clocks, String kind) {
		List<DeadlineClock> ofKind = clocks.stream().filter((c) -> c.kind().equals(kind)).toList();
		return ofKind.stream()
			.filter(DeadlineClock::running)
			.findFirst()
			.or(() -> ofKind.isEmpty() ? Optional.empty() : Optional.of(ofKind.get(ofKind.size() - 1)));
	}

	private TransferDetails current(Petition petition) {
		String repeatOf = (petition.repeatOfId() != null)
				? this.store.receiptNumberOf(petition.repeatOfId()).orElse(null) : null;
		return TransferDetails.of(petition, repeatOf);
	}

	/**
	 * The office corrects cases of rounds over its own region or a region below it, and
	 * nobody else corrects at all.
	 */
	private void requireOwnRegion(Round round) {
		String own = this.accounts.unit(this.accounts.currentScope().rootUnitId()).regionCode();
		if (!IntakeRules.regionsWithin(own, this.accounts.regions()).contains(round.regionCode())) {
			throw new AccessDeniedException("round " + round.id() + " lies outside the office's region");
		}
	}

}
