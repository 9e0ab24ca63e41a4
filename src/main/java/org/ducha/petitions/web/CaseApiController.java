package org.ducha.petitions.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ducha.accounts.AccountQueries;
import org.ducha.accounts.Unit;
import org.ducha.accounts.UnitKind;
import org.ducha.petitions.Assignment;
import org.ducha.petitions.AssignmentRole;
import org.ducha.petitions.BulkAssignment;
import org.ducha.petitions.Channel;
import org.ducha.petitions.Complainant;
import org.ducha.petitions.NewPetition;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.ducha.petitions.TransferRequest;
import org.ducha.petitions.WorkQueue;
import org.ducha.rounds.Batch;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's and the units' work on cases as JSON: receiving a batch, registering a
 * case by hand, assigning one case or many, transfer requests and their decision, the
 * journaled reveal of the complainant, and the work queue. Each endpoint calls the
 * service the matching page calls, which checks role, scope and input.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class CaseApiController {

	private final PetitionQueries petitions;

	private final PetitionManagement management;

	private final WorkQueue queue;

	private final RoundQueries rounds;

	private final AccountQueries accounts;

	CaseApiController(PetitionQueries petitions, PetitionManagement management, WorkQueue queue, RoundQueries rounds,
			AccountQueries accounts) {
		this.petitions = petitions;
		this.management = management;
		this.queue = queue;
		this.rounds = rounds;
		this.accounts = accounts;
	}

	/** Acknowledges receipt of the batch (签收): its cases' report clocks start now. */
	@PostMapping("/batches/{id}/receive")
	@PreAuthorize("hasRole('OFFICE')")
	Batch receive(@PathVariable long id) {
		return this.management.receiveBatch(id);
	}

	/**
	 * Registers one case by hand. The complainant's name and phone are sealed at once and
	 * never returned.
	 */
	@PostMapping("/batches/{id}/petitions")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<CaseJson> register(@PathVariable long id, @RequestBody CaseRequest request) {
		Batch batch = this.rounds.batch(id);
		long petitionId = this.management.register(id, request.toNewPetition(batch.transferredAt()));
		return ResponseEntity.created(URI.create("/api/petitions/" + petitionId))
			.body(CaseJson.of(petitionId, this.petitions));
	}

	@PutMapping("/petitions/{id}/assignment")
	@PreAuthorize("hasRole('OFFICE')")
	CaseJson assign(@PathVariable long id, @RequestBody AssignmentRequest request) {
		if (request.version() == null) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("version", "api.version.required")));
		}
		this.management.assign(id, request.version(), request.leadUnitId(), orEmpty(request.coUnitIds()),
				orEmpty(request.territorialUnitIds()));
		return CaseJson.of(id, this.petitions);
	}

	/**
	 * Assigns many cases of the batch to the same units, all or none. Cases already
	 * assigned are skipped unless {@code replaceAssigned} is true; the answer says which
	 * were assigned, skipped and replaced, with what changed.
	 */
	@PostMapping("/batches/{id}/assignments")
	@PreAuthorize("hasRole('OFFICE')")
	Assigned assignMany(@PathVariable long id, @RequestBody ManyAssignmentRequest request) {
		Batch batch = this.rounds.batch(id);
		List<Long> chosen = List.copyOf(new LinkedHashSet<>(orEmpty(request.petitionIds())));
		Set<Long> ofBatch = this.management.assignableOf(id).stream().map(Petition::id).collect(Collectors.toSet());
		InvalidInput.Collector strangers = new InvalidInput.Collector();
		chosen.stream()
			.filter((petitionId) -> !ofBatch.contains(petitionId))
			.forEach((petitionId) -> strangers.add("petitionIds", "api.assign.notInBatch", petitionId, batch.number()));
		strangers.throwIfAny();
		BulkAssignment done;
		try {
			done = this.management.assignMany(chosen, request.leadUnitId(), orEmpty(request.coUnitIds()),
					orEmpty(request.territorialUnitIds()), Boolean.TRUE.equals(request.replaceAssigned())
							? BulkAssignment.Replacing.ALL : BulkAssignment.Replacing.NONE);
		}
		catch (InvalidInput ex) {
			throw new InvalidInput(ex.problems()
				.stream()
				.map((p) -> "ids".equals(p.field()) ? new InvalidInput.Problem("petitionIds", p.code(), p.args()) : p)
				.toList());
		}
		List<Petition> cases = this.petitions.ofBatch(id).stream().filter((p) -> chosen.contains(p.id())).toList();
		return new Assigned(done.assigned().size(), done.assigned(), done.kept().stream().map(Skipped::of).toList(),
				done.replaced().stream().map(Replaced::of).toList(), CaseJson.of(cases, this.petitions));
	}

	/**
	 * The units a case may be given to (a lead unit, co-units, territorial governments,
	 * or the target of a transfer request), each with its present part in the case, and
	 * the version an assignment must send.
	 */
	@GetMapping("/petitions/{id}/assignable-units")
	AssignableUnits assignableUnits(@PathVariable long id) {
		Petition petition = this.petitions.petition(id);
		Map<Long, AssignmentRole> roles = this.petitions.assignments(List.of(id))
			.getOrDefault(id, List.of())
			.stream()
			.collect(Collectors.toMap(Assignment::unitId, Assignment::role, (a, b) -> a));
		List<UnitChoice> units = this.accounts.allUnits()
			.stream()
			.map((u) -> UnitChoice.of(u, roles.get(u.id())))
			.toList();
		return new AssignableUnits(id, petition.status().name(), petition.version(), units);
	}

	@GetMapping("/petitions/{id}/transfer-requests")
	List<TransferJson> transferRequests(@PathVariable long id) {
		Map<Long, String> units = this.accounts.unitNames();
		return this.petitions.transferRequests(id).stream().map((t) -> TransferJson.of(t, units)).toList();
	}

	/** A unit taking part in the case asks the office to hand it to another unit. */
	@PostMapping("/petitions/{id}/transfer-requests")
	@PreAuthorize("hasRole('HANDLER')")
	ResponseEntity<TransferJson> requestTransfer(@PathVariable long id, @RequestBody TransferRequestBody request) {
		long requestId = this.management.requestTransfer(id, request.toUnitId(), request.reason());
		return ResponseEntity.created(URI.create("/api/transfer-requests/" + requestId))
			.body(transferRequest(requestId));
	}

	/**
	 * The requests waiting for the office's decision. Only pending requests are listed
	 * here; a case's decided ones are under its own transfer requests.
	 */
	@GetMapping("/transfer-requests")
	@PreAuthorize("hasRole('OFFICE')")
	List<TransferJson> pendingTransferRequests(@RequestParam(defaultValue = "true") boolean pending) {
		if (!pending) {
			throw new RuleViolation("api.transfers.pendingOnly");
		}
		Map<Long, String> units = this.accounts.unitNames();
		return this.petitions.pendingTransferRequests().stream().map((t) -> TransferJson.of(t, units)).toList();
	}

	@GetMapping("/transfer-requests/{id}")
	TransferJson transferRequest(@PathVariable long id) {
		return TransferJson.of(this.petitions.transferRequest(id), this.accounts.unitNames());
	}

	/**
	 * The office accepts a request, naming the new lead unit, or rejects it with a note.
	 */
	@PostMapping("/transfer-requests/{id}/decision")
	@PreAuthorize("hasRole('OFFICE')")
	TransferJson decideTransfer(@PathVariable long id, @RequestBody DecisionRequest request) {
		if (!"ACCEPT".equals(request.decision()) && !"REJECT".equals(request.decision())) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("decision", "api.transfer.decision.invalid")));
		}
		this.management.decideTransfer(id, "ACCEPT".equals(request.decision()), request.newLeadUnitId(),
				request.note());
		return transferRequest(id);
	}

	/**
	 * Shows the office who complained, journaled with who asked and why, exactly as the
	 * page's reveal. The answer must not be kept by caches.
	 */
	@PostMapping("/petitions/{id}/complainant/reveal")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<RevealedComplainant> revealComplainant(@PathVariable long id, @RequestBody RevealRequest request) {
		Complainant complainant = this.management.revealComplainant(id, request.reason());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new RevealedComplainant(id, complainant.name(), complainant.phone()));
	}

	/**
	 * The caller's work, most urgent first, as on the work page: the office's whole queue
	 * with the transfer requests waiting for it, a unit's cases still to report or
	 * supplement.
	 */
	@GetMapping("/work")
	Work work() {
		List<CaseJson> cases = CaseJson.of(this.queue.mine(), this.petitions);
		if (!this.petitions.readerIsOffice()) {
			return new Work(cases, List.of());
		}
		Map<Long, String> units = this.accounts.unitNames();
		return new Work(cases,
				this.petitions.pendingTransferRequests().stream().map((t) -> TransferJson.of(t, units)).toList());
	}

	private static List<Long> orEmpty(List<Long> ids) {
		return (ids != null) ? ids : List.of();
	}

	/**
	 * A case entered by hand, the fields of the hand-entry form. {@code transferredAt}
	 * defaults to the batch's transfer time, as the form is filled in.
	 */
	record CaseRequest(String receiptNumber, OffsetDateTime transferredAt, Channel channel, Priority priority,
			String complaint, String reportedObject, String address, List<String> regions,
			List<PollutionType> pollutionTypes, String repeatOf, String complainantName, String complainantPhone) {

		NewPetition toNewPetition(Instant batchTransferredAt) {
			Set<PollutionType> types = EnumSet.noneOf(PollutionType.class);
			if (this.pollutionTypes != null) {
				types.addAll(this.pollutionTypes);
			}
			return new NewPetition(strip(this.receiptNumber),
					(this.transferredAt != null) ? this.transferredAt.toInstant() : batchTransferredAt, this.channel,
					this.priority, strip(this.complaint), strip(this.reportedObject), strip(this.address),
					(this.regions != null) ? this.regions : List.of(), types, strip(this.repeatOf),
					strip(this.complainantName), strip(this.complainantPhone));
		}

		private static String strip(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	/** One case's units and the version of the case last read. */
	record AssignmentRequest(Long version, Long leadUnitId, List<Long> coUnitIds, List<Long> territorialUnitIds) {
	}

	/**
	 * Many cases of one batch given to the same units.
	 *
	 * @param replaceAssigned whether cases already assigned get these units too; when not
	 * true they are skipped
	 */
	record ManyAssignmentRequest(List<Long> petitionIds, Long leadUnitId, List<Long> coUnitIds,
			List<Long> territorialUnitIds, Boolean replaceAssigned) {
	}

	/**
	 * What a bulk assignment did.
	 *
	 * @param assigned how many cases were assigned for the first time
	 * @param newlyAssigned those cases
	 * @param skipped the cases left as they were, each with why
	 * @param replaced the cases whose earlier units were replaced, with what changed
	 * @param cases every chosen case as it now stands
	 */
	record Assigned(int assigned, List<BulkAssignment.Case> newlyAssigned, List<Skipped> skipped,
			List<Replaced> replaced, List<CaseJson> cases) {
	}

	/**
	 * A case a bulk assignment left as it was.
	 *
	 * @param reason {@code ALREADY_ASSIGNED} (replacing was not asked for),
	 * {@code SAME_UNITS} (it already has these units) or {@code NOT_REASSIGNABLE} (its
	 * status no longer allows a change)
	 */
	record Skipped(long petitionId, String receiptNumber, String leadUnit, String status, String reason) {

		static Skipped of(BulkAssignment.Kept kept) {
			return new Skipped(kept.petitionId(), kept.receiptNumber(), kept.lead(), kept.status().name(),
					kept.reason().name());
		}

	}

	/** A case whose units a bulk assignment replaced, by unit name. */
	record Replaced(long petitionId, String receiptNumber, String previousLeadUnit, String leadUnit,
			List<String> coUnitsDropped, List<String> coUnitsAdded, List<String> territorialUnitsDropped,
			List<String> territorialUnitsAdded) {

		static Replaced of(BulkAssignment.Change change) {
			return new Replaced(change.petitionId(), change.receiptNumber(), change.oldLead(), change.newLead(),
					change.coDropped(), change.coAdded(), change.territorialDropped(), change.territorialAdded());
		}

	}

	/**
	 * The units a case may be given to.
	 *
	 * @param status the case's status: only a {@code REGISTERED} or {@code ASSIGNED} case
	 * can be (re)assigned
	 * @param version the version an assignment must send
	 */
	record AssignableUnits(long petitionId, String status, long version, List<UnitChoice> units) {
	}

	/**
	 * A unit and its present part in the case.
	 *
	 * @param role {@code LEAD}, {@code CO}, {@code TERRITORIAL}, or {@code null} when the
	 * unit has no part in it
	 */
	record UnitChoice(long id, String name, UnitKind kind, String regionCode, String regionName, Long parentId,
			AssignmentRole role) {

		static UnitChoice of(Unit unit, AssignmentRole role) {
			return new UnitChoice(unit.id(), unit.name(), unit.kind(), unit.regionCode(), unit.regionName(),
					unit.parentId(), role);
		}

	}

	/**
	 * A unit's request to hand over a case.
	 *
	 * @param toUnitId the unit suggested to take over, or {@code null} to leave it to the
	 * office
	 */
	record TransferRequestBody(Long toUnitId, String reason) {
	}

	/**
	 * The office's decision on a transfer request.
	 *
	 * @param decision {@code ACCEPT} or {@code REJECT}
	 * @param newLeadUnitId the new lead unit, when accepting
	 * @param note required when rejecting
	 */
	record DecisionRequest(String decision, Long newLeadUnitId, String note) {
	}

	/** A transfer request with the names of its units. */
	record TransferJson(long id, long petitionId, long fromUnitId, String fromUnitName, Long toUnitId,
			String toUnitName, String reason, String requestedBy, Instant requestedAt, String decision,
			String decidedBy, Instant decidedAt, String decisionNote) {

		static TransferJson of(TransferRequest request, Map<Long, String> units) {
			return new TransferJson(request.id(), request.petitionId(), request.fromUnitId(),
					units.get(request.fromUnitId()), request.toUnitId(),
					(request.toUnitId() != null) ? units.get(request.toUnitId()) : null, request.reason(),
					request.requestedBy(), request.requestedAt(), request.decision(), request.decidedBy(),
					request.decidedAt(), request.decisionNote());
		}

	}

	/** Why the office opens the complainant; journaled. */
	record RevealRequest(String reason) {
	}

	/** The complainant in clear, for the office only. */
	record RevealedComplainant(long petitionId, String name, String phone) {
	}

	/**
	 * The caller's work.
	 *
	 * @param transferRequests the requests waiting for the office's decision; empty for
	 * everyone else
	 */
	record Work(List<CaseJson> cases, List<TransferJson> transferRequests) {
	}

}
