package org.ducha.petitions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ducha.accounts.AccountQueries;
import org.ducha.journal.Journal;
import org.ducha.rounds.Batch;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundManagement;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.RuleViolation;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake and assignment of cases. Every method checks the caller's role and scope, writes
 * all or nothing, and journals what it changed.
 */
@Service
@Transactional
public class PetitionManagement {

	private final PetitionStore store;

	private final TransferRequestStore transfers;

	private final RoundQueries rounds;

	private final RoundManagement roundManagement;

	private final AccountQueries accounts;

	private final ComplainantCipher cipher;

	private final PetitionClocks clocks;

	private final Journal journal;

	private final Clock clock;

	private final IntakeLock intakeLock;

	PetitionManagement(PetitionStore store, TransferRequestStore transfers, RoundQueries rounds,
			RoundManagement roundManagement, AccountQueries accounts, ComplainantCipher cipher, PetitionClocks clocks,
			Journal journal, Clock clock, IntakeLock intakeLock) {
		this.store = store;
		this.intakeLock = intakeLock;
		this.transfers = transfers;
		this.rounds = rounds;
		this.roundManagement = roundManagement;
		this.accounts = accounts;
		this.cipher = cipher;
		this.clocks = clocks;
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * Imports the cases of a transferred batch. Either every row is valid and every new
	 * row is stored, or nothing is: rows already stored with the same content are left
	 * alone (importing the same file twice imports nothing new), a stored receipt number
	 * with different content is a conflict. Receipt numbers are compared in their
	 * normalised form ({@link ReceiptNumber}). One import at a time writes into a round.
	 * @param firstRow the spreadsheet row number of {@code rows.get(0)}, for messages
	 * @throws IntakeRejected with every problem of every row
	 * @throws IntakeInProgress while another import writes into the same round
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public ImportOutcome importBatch(long batchId, List<NewPetition> rows, int firstRow) {
		Batch batch = this.rounds.batch(batchId);
		Round round = this.rounds.round(batch.roundId());
		this.intakeLock.create(round.id());
		if (!this.store.lockIntake(round.id())) {
			throw new IntakeInProgress(batch.number());
		}
		Map<String, PetitionStore.Existing> existing = existing(round, rows);
		List<IntakeProblem> problems = problems(round, rows, firstRow, existing);
		if (!problems.isEmpty()) {
			throw new IntakeRejected(problems);
		}
		List<String> imported = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		Map<String, Long> ids = new HashMap<>();
		existing.forEach((key, e) -> ids.put(key, e.id()));
		for (NewPetition row : rows) {
			String key = ReceiptNumber.keyOf(row.receiptNumber());
			if (existing.containsKey(key)) {
				unchanged.add(row.receiptNumber());
				continue;
			}
			ids.put(key, insert(round, batch, row, ids));
			imported.add(row.receiptNumber());
		}
		this.journal.record("batch", batchId, "BatchImported",
				Map.of("imported", imported.size(), "unchanged", unchanged.size()));
		return new ImportOutcome(imported, unchanged);
	}

	/**
	 * The problems an import of these rows would meet, writing nothing: for rows whose
	 * sheet already has problems of its own, so that the office is told every problem of
	 * every row at once.
	 * @param firstRow the spreadsheet row number of {@code rows.get(0)}, for messages
	 */
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional(readOnly = true)
	public List<IntakeProblem> checkBatch(long batchId, List<NewPetition> rows, int firstRow) {
		Round round = this.rounds.round(this.rounds.batch(batchId).roundId());
		return problems(round, rows, firstRow, existing(round, rows));
	}

	private Map<String, PetitionStore.Existing> existing(Round round, List<NewPetition> rows) {
		Set<String> keys = new HashSet<>();
		for (NewPetition row : rows) {
			if (row.receiptNumber() != null) {
				keys.add(ReceiptNumber.keyOf(row.receiptNumber()));
			}
			if (row.repeatOf() != null) {
				keys.add(ReceiptNumber.keyOf(row.repeatOf()));
			}
		}
		return this.store.existing(round.id(), keys);
	}

	private List<IntakeProblem> problems(Round round, List<NewPetition> rows, int firstRow,
			Map<String, PetitionStore.Existing> existing) {
		List<IntakeProblem> problems = IntakeRules.check(rows, firstRow, regionsOf(round), existing);
		if (rows.isEmpty()) {
			problems.add(new IntakeProblem(0, null, null, "intake.empty"));
		}
		return problems;
	}

	/**
	 * Registers one case entered by hand, its receipt number compared with the round's in
	 * the same normalised form as an import's.
	 * @return its id
	 * @throws InvalidInput naming each form field that is wrong
	 * @throws IntakeInProgress while an import writes into the same round
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public long register(long batchId, NewPetition petition) {
		try {
			ImportOutcome outcome = importBatch(batchId, List.of(petition), 1);
			if (outcome.imported().isEmpty()) {
				throw new InvalidInput(List.of(new InvalidInput.Problem(IntakeField.RECEIPT_NUMBER.formField(),
						"intake.receiptNumber.exists", petition.receiptNumber())));
			}
			Round round = this.rounds.round(this.rounds.batch(batchId).roundId());
			String key = ReceiptNumber.keyOf(petition.receiptNumber());
			return this.store.existing(round.id(), List.of(key)).get(key).id();
		}
		catch (IntakeRejected ex) {
			throw new InvalidInput(ex.problems()
				.stream()
				.map((p) -> new InvalidInput.Problem((p.field() != null) ? p.field().formField() : null,
						"intake.conflict".equals(p.code()) ? "intake.receiptNumber.exists" : p.code(),
						(p.args().length > 0) ? p.args() : new Object[] { p.value() }))
				.toList());
		}
	}

	private long insert(Round round, Batch batch, NewPetition row, Map<String, Long> ids) {
		Long repeatOfId = (row.repeatOf() != null && !row.repeatOf().isBlank())
				? ids.get(ReceiptNumber.keyOf(row.repeatOf())) : null;
		Instant now = this.clock.instant();
		long id = this.store.insert(round.id(), batch.id(), row, repeatOfId, seal(row.complainantName()),
				seal(row.complainantPhone()), now);
		if (batch.received()) {
			this.clocks.received(id, round, row.priority() == Priority.KEY, now);
		}
		else {
			this.clocks.transferred(id, round, row.transferredAt());
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("receiptNumber", row.receiptNumber());
		facts.put("batch", batch.number());
		facts.put("channel", row.channel().name());
		facts.put("priority", row.priority().name());
		facts.put("regions", row.regionCodes());
		facts.put("pollutionTypes", row.pollutionTypes().stream().map(Enum::name).sorted().toList());
		if (repeatOfId != null) {
			facts.put("repeatOf", row.repeatOf());
		}
		if (!row.asWritten().isEmpty()) {
			Map<String, String> asWritten = new LinkedHashMap<>();
			for (IntakeField field : IntakeField.values()) {
				if (row.asWritten().containsKey(field) && field != IntakeField.COMPLAINANT_NAME
						&& field != IntakeField.COMPLAINANT_PHONE) {
					asWritten.put(field.heading(), row.asWritten().get(field));
				}
			}
			facts.put("asWritten", asWritten);
		}
		this.journal.record("petition", id, "PetitionRegistered", facts);
		return id;
	}

	private String seal(String value) {
		return (value == null || value.isBlank()) ? null : this.cipher.seal(value.strip());
	}

	private Set<String> regionsOf(Round round) {
		return IntakeRules.regionsWithin(round.regionCode(), this.accounts.regions());
	}

	/**
	 * The cases of a batch, for the office's own follow-up work (demo loading, bulk
	 * steps).
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public List<Petition> assignableOf(long batchId) {
		return this.store.petitions(this.store.idsOfBatch(batchId));
	}

	/**
	 * Acknowledges receipt of a batch (签收) on behalf of the region: the cases' receipt
	 * clocks stop and their report clocks start.
	 * @return the batch as received
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public Batch receiveBatch(long batchId) {
		Batch batch = this.rounds.batch(batchId);
		if (batch.received()) {
			throw new RuleViolation("batch.alreadyReceived", batch.number());
		}
		Round round = this.rounds.round(batch.roundId());
		Instant now = this.clock.instant();
		for (Petition petition : this.store.petitions(this.store.idsOfBatch(batchId))) {
			this.clocks.received(petition.id(), round, petition.keyCase(), now);
		}
		return this.roundManagement.markReceived(batchId);
	}

	/**
	 * Assigns a case to its lead unit, co-units and territorial governments, replacing
	 * any earlier assignment (the office chose the units for this one case, seeing the
	 * earlier ones). Allowed until the lead unit has reported. The journal entry names
	 * the units before and after.
	 * @throws EditConflict if the case changed since {@code version} was read
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void assign(long petitionId, long version, Long leadUnitId, List<Long> coUnitIds,
			List<Long> territorialUnitIds) {
		Petition petition = this.store.petitionForUpdate(petitionId)
			.orElseThrow(() -> new NotFound("petition", petitionId));
		if (petition.version() != version) {
			throw new EditConflict(petition.receiptNumber());
		}
		Map<Long, String> units = this.accounts.unitNames();
		checkAssignment(units, leadUnitId, coUnitIds, territorialUnitIds);
		assignChecked(petition, units, leadUnitId, coUnitIds, territorialUnitIds, assignmentsOf(petition, units),
				false);
	}

	/**
	 * Assigns many cases at once from the batch list, all or none. A case that has no
	 * assignment yet is assigned; one that has is kept as it is unless {@code replacing}
	 * allows replacing it, so that a bulk step never silently drops a lead unit, co-units
	 * or territorial governments chosen one by one.
	 * @param replacing which already assigned cases may be replaced
	 * @return what was assigned, kept and replaced
	 * @throws EditConflict if a case confirmed for replacement changed since it was shown
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public BulkAssignment assignMany(List<Long> petitionIds, Long leadUnitId, List<Long> coUnitIds,
			List<Long> territorialUnitIds, BulkAssignment.Replacing replacing) {
		return bulk(petitionIds, leadUnitId, coUnitIds, territorialUnitIds, replacing, true);
	}

	/**
	 * What {@link #assignMany} would do if every already assigned case were replaced,
	 * without changing anything: for the step in which the office confirms the
	 * replacements one by one.
	 */
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional(readOnly = true)
	public BulkAssignment previewAssignMany(List<Long> petitionIds, Long leadUnitId, List<Long> coUnitIds,
			List<Long> territorialUnitIds) {
		return bulk(petitionIds, leadUnitId, coUnitIds, territorialUnitIds, BulkAssignment.Replacing.ALL, false);
	}

	private BulkAssignment bulk(List<Long> petitionIds, Long leadUnitId, List<Long> coUnitIds,
			List<Long> territorialUnitIds, BulkAssignment.Replacing replacing, boolean write) {
		if (petitionIds == null || petitionIds.isEmpty()) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("ids", "assign.noneChosen")));
		}
		Map<Long, String> units = this.accounts.unitNames();
		checkAssignment(units, leadUnitId, coUnitIds, territorialUnitIds);
		Set<Long> co = new LinkedHashSet<>(coUnitIds);
		Set<Long> local = new LinkedHashSet<>(territorialUnitIds);
		List<BulkAssignment.Case> assigned = new ArrayList<>();
		List<BulkAssignment.Kept> kept = new ArrayList<>();
		List<BulkAssignment.Change> replaced = new ArrayList<>();
		for (long id : new LinkedHashSet<>(petitionIds)) {
			Petition petition = (write ? this.store.petitionForUpdate(id) : this.store.petition(id))
				.orElseThrow(() -> new NotFound("petition", id));
			List<Assignment> before = assignmentsOf(petition, units);
			if (before.isEmpty() && petition.status() == PetitionStatus.REGISTERED) {
				if (write) {
					assignChecked(petition, units, leadUnitId, coUnitIds, territorialUnitIds, before, true);
				}
				assigned.add(new BulkAssignment.Case(id, petition.receiptNumber()));
				continue;
			}
			String oldLead = before.stream()
				.filter((a) -> a.role() == AssignmentRole.LEAD)
				.map(Assignment::unitName)
				.findFirst()
				.orElse(null);
			if (!reassignable(petition)) {
				kept.add(new BulkAssignment.Kept(id, petition.receiptNumber(), oldLead, petition.status(),
						BulkAssignment.Reason.NOT_REASSIGNABLE));
				continue;
			}
			BulkAssignment.Change change = change(petition, before, oldLead, units, leadUnitId, co, local);
			if (!change.leadChanged() && change.coDropped().isEmpty() && change.coAdded().isEmpty()
					&& change.territorialDropped().isEmpty() && change.territorialAdded().isEmpty()) {
				kept.add(new BulkAssignment.Kept(id, petition.receiptNumber(), oldLead, petition.status(),
						BulkAssignment.Reason.SAME_UNITS));
				continue;
			}
			if (!replacing.allows(id)) {
				kept.add(new BulkAssignment.Kept(id, petition.receiptNumber(), oldLead, petition.status(),
						BulkAssignment.Reason.ALREADY_ASSIGNED));
				continue;
			}
			if (!replacing.all() && replacing.confirmed().get(id) != petition.version()) {
				throw new EditConflict(petition.receiptNumber());
			}
			if (write) {
				assignChecked(petition, units, leadUnitId, coUnitIds, territorialUnitIds, before, true);
			}
			replaced.add(change);
		}
		return new BulkAssignment(assigned, kept, replaced);
	}

	private static boolean reassignable(Petition petition) {
		return petition.status() == PetitionStatus.REGISTERED || petition.status() == PetitionStatus.ASSIGNED;
	}

	private static BulkAssignment.Change change(Petition petition, List<Assignment> before, String oldLead,
			Map<Long, String> units, long lead, Set<Long> co, Set<Long> territorial) {
		Set<Long> oldCo = idsOf(before, AssignmentRole.CO);
		Set<Long> oldTerritorial = idsOf(before, AssignmentRole.TERRITORIAL);
		return new BulkAssignment.Change(petition.id(), petition.receiptNumber(), petition.version(),
				(oldLead != null) ? oldLead : "", units.get(lead), namesOf(minus(oldCo, co), units),
				namesOf(minus(co, oldCo), units), namesOf(minus(oldTerritorial, territorial), units),
				namesOf(minus(territorial, oldTerritorial), units));
	}

	private static Set<Long> idsOf(List<Assignment> assignments, AssignmentRole role) {
		Set<Long> ids = new LinkedHashSet<>();
		assignments.stream().filter((a) -> a.role() == role).forEach((a) -> ids.add(a.unitId()));
		return ids;
	}

	private static Set<Long> minus(Set<Long> from, Set<Long> taken) {
		Set<Long> left = new LinkedHashSet<>(from);
		left.removeAll(taken);
		return left;
	}

	private static List<String> namesOf(Set<Long> ids, Map<Long, String> units) {
		return ids.stream().map((id) -> units.getOrDefault(id, String.valueOf(id))).toList();
	}

	private List<Assignment> assignmentsOf(Petition petition, Map<Long, String> units) {
		return this.store.assignments(List.of(petition.id()), units).getOrDefault(petition.id(), List.of());
	}

	private static void checkAssignment(Map<Long, String> units, Long lead, List<Long> coUnits,
			List<Long> territorial) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (lead == null || !units.containsKey(lead)) {
			problems.add("leadUnitId", "assign.lead.required");
		}
		for (Long unit : coUnits) {
			if (!units.containsKey(unit)) {
				problems.add("coUnitIds", "assign.unit.unknown", unit);
			}
			else if (unit.equals(lead)) {
				problems.add("coUnitIds", "assign.co.isLead", units.get(unit));
			}
		}
		for (Long unit : territorial) {
			if (!units.containsKey(unit)) {
				problems.add("territorialUnitIds", "assign.unit.unknown", unit);
			}
		}
		problems.throwIfAny();
	}

	/**
	 * Replaces the case's assignments and journals the units after and, when there were
	 * any, before.
	 */
	private void assignChecked(Petition petition, Map<Long, String> units, long lead, List<Long> coUnits,
			List<Long> territorial, List<Assignment> before, boolean bulk) {
		if (!reassignable(petition)) {
			throw new RuleViolation("assign.notAllowed", petition.receiptNumber(), petition.status().name());
		}
		Set<Long> co = new LinkedHashSet<>(coUnits);
		Set<Long> local = new LinkedHashSet<>(territorial);
		this.store.replaceAssignments(petition.id(), lead, co, local, this.clock.instant());
		if (!this.store.update(petition.id(), petition.version(), PetitionStatus.ASSIGNED, lead)) {
			throw new EditConflict(petition.receiptNumber());
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("lead", units.get(lead));
		facts.put("co", co.stream().map(units::get).toList());
		facts.put("territorial", local.stream().map(units::get).toList());
		if (!before.isEmpty()) {
			Map<String, Object> previous = new LinkedHashMap<>();
			previous.put("lead",
					before.stream()
						.filter((a) -> a.role() == AssignmentRole.LEAD)
						.map(Assignment::unitName)
						.findFirst()
						.orElse(""));
			previous.put("co", namesOf(idsOf(before, AssignmentRole.CO), units));
			previous.put("territorial", namesOf(idsOf(before, AssignmentRole.TERRITORIAL), units));
			facts.put("previous", previous);
		}
		if (bulk) {
			facts.put("bulk", true);
		}
		this.journal.record("petition", petition.id(), "PetitionAssigned", facts);
	}

	/**
	 * A unit taking part in a case asks the office to hand it to another unit.
	 * @return the request's id
	 */
	@PreAuthorize("hasRole('HANDLER')")
	public long requestTransfer(long petitionId, Long toUnitId, String reason) {
		Petition petition = this.store.petitionForUpdate(petitionId)
			.orElseThrow(() -> new NotFound("petition", petitionId));
		Long ownUnit = CurrentActor.get().unitId();
		if (ownUnit == null || !this.store.involves(petitionId, List.of(ownUnit))) {
			throw new AccessDeniedException("only a unit assigned to the case may ask to hand it over");
		}
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (reason == null || reason.isBlank()) {
			problems.add("reason", "transfer.reason.required");
		}
		else if (reason.length() > 1000) {
			problems.add("reason", "form.tooLong", 1000);
		}
		Map<Long, String> units = this.accounts.unitNames();
		if (toUnitId != null && (!units.containsKey(toUnitId) || toUnitId.equals(ownUnit))) {
			problems.add("toUnitId", "transfer.target.invalid");
		}
		problems.throwIfAny();
		if (petition.status() != PetitionStatus.ASSIGNED) {
			throw new RuleViolation("transfer.notAllowed", petition.receiptNumber(), petition.status().name());
		}
		if (this.transfers.pendingFrom(petitionId, ownUnit)) {
			throw new RuleViolation("transfer.alreadyPending", petition.receiptNumber());
		}
		long id = this.transfers.insert(petitionId, ownUnit, toUnitId, reason.strip(), CurrentActor.get().login(),
				this.clock.instant());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("request", id);
		facts.put("from", units.get(ownUnit));
		facts.put("to", (toUnitId != null) ? units.get(toUnitId) : "");
		facts.put("reason", reason.strip());
		this.journal.record("petition", petitionId, "TransferRequested", facts);
		return id;
	}

	/**
	 * The office decides a transfer request. Accepting it makes {@code newLeadUnitId} the
	 * lead unit (the requester leaves the case); rejecting it leaves the case as it is.
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void decideTransfer(long requestId, boolean accept, Long newLeadUnitId, String note) {
		TransferRequest request = this.transfers.request(requestId)
			.orElseThrow(() -> new NotFound("transfer request", requestId));
		Petition petition = this.store.petitionForUpdate(request.petitionId()).orElseThrow();
		if (!request.pending()) {
			throw new RuleViolation("transfer.alreadyDecided", petition.receiptNumber());
		}
		Map<Long, String> units = this.accounts.unitNames();
		if (accept) {
			if (newLeadUnitId == null || !units.containsKey(newLeadUnitId)) {
				throw new InvalidInput(List.of(new InvalidInput.Problem("newLeadUnitId", "assign.lead.required")));
			}
			Map<Long, List<Assignment>> current = this.store.assignments(List.of(petition.id()), units);
			List<Assignment> assignments = current.getOrDefault(petition.id(), List.of());
			List<Long> co = assignments.stream()
				.filter((a) -> a.role() == AssignmentRole.CO && a.unitId() != request.fromUnitId()
						&& a.unitId() != newLeadUnitId)
				.map(Assignment::unitId)
				.toList();
			List<Long> territorial = assignments.stream()
				.filter((a) -> a.role() == AssignmentRole.TERRITORIAL)
				.map(Assignment::unitId)
				.toList();
			assignChecked(petition, units, newLeadUnitId, co, territorial, assignments, false);
		}
		else if (note == null || note.isBlank()) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("note", "transfer.note.required")));
		}
		this.transfers.decide(requestId, accept, CurrentActor.get().login(), this.clock.instant(),
				(note != null) ? note.strip() : null);
		this.journal.record("petition", petition.id(), accept ? "TransferAccepted" : "TransferRejected",
				Map.of("request", requestId, "note", (note != null) ? note.strip() : ""));
	}

	/**
	 * Shows the office who complained. Journaled with the reason, so that every reveal
	 * can be accounted for.
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public Complainant revealComplainant(long petitionId, String reason) {
		Petition petition = this.store.petition(petitionId).orElseThrow(() -> new NotFound("petition", petitionId));
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("reason", "complainant.reason.required")));
		}
		if (reason.length() > 500) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("reason", "form.tooLong", 500)));
		}
		Complainant sealed = this.store.sealedComplainant(petitionId);
		this.journal.record("petition", petitionId, "ComplainantRevealed",
				Map.of("receiptNumber", petition.receiptNumber(), "reason", reason.strip()));
		return new Complainant(this.cipher.open(sealed.name()), this.cipher.open(sealed.phone()));
	}

}
