package org.ducha.petitions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ducha.accounts.AccountQueries;
import org.ducha.deadlines.DeadlineClock;
import org.ducha.journal.Journal;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.PersonalNumbers;
import org.ducha.shared.RuleViolation;
import org.ducha.shared.SignedInUser;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handling reports (办理情况报告): the lead unit writes and submits them, co-units contribute,
 * the office approves them or returns them for supplement. Every version stays readable.
 * Reads follow the case's visibility; writes also check that the reader's unit plays the
 * part the step needs. Each change locks the case first, stops or starts its clocks, then
 * journals, so that it takes its locks in the order the sweep does.
 */
@Service
@Transactional
public class HandlingReports {

	private static final int COMMENT = 2000;

	private final HandlingReportStore reports;

	private final PetitionStore petitions;

	private final PetitionQueries queries;

	private final EvidenceStore evidence;

	private final AccountQueries accounts;

	private final RoundQueries rounds;

	private final PetitionClocks clocks;

	private final Journal journal;

	private final Clock clock;

	HandlingReports(HandlingReportStore reports, PetitionStore petitions, PetitionQueries queries,
			EvidenceStore evidence, AccountQueries accounts, RoundQueries rounds, PetitionClocks clocks,
			Journal journal, Clock clock) {
		this.reports = reports;
		this.petitions = petitions;
		this.queries = queries;
		this.evidence = evidence;
		this.accounts = accounts;
		this.rounds = rounds;
		this.clocks = clocks;
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * The case's report as its page shows it, and what the reader may do with it.
	 * @throws org.springframework.security.access.AccessDeniedException if the case lies
	 * outside the reader's scope
	 */
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
	@Transactional(readOnly = true)
	public ReportOverview overview(long petitionId) {
		Petition petition = this.queries.petition(petitionId);
		List<HandlingReport> versions = this.reports.versions(petitionId);
		HandlingReport latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
		boolean open = open(petition);
		boolean handler = hasRole("HANDLER");
		List<Long> scope = handler ? scopeUnits() : List.of();
		boolean leads = handler && leads(petition, scope);
		boolean writable = latest == null || latest.status() == ReportStatus.DRAFT
				|| latest.status() == ReportStatus.RETURNED;
		return new ReportOverview(latest, versions, this.reports.contributionCount(petitionId),
				this.evidence.count(petitionId), leads && open && writable,
				hasRole("OFFICE") && latest != null && latest.status() == ReportStatus.SUBMITTED,
				handler && open && coUnit(petitionId, scope).isPresent(),
				handler && open && this.petitions.involves(petitionId, scope));
	}

	/** Every version of the case's report, oldest first. */
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
	@Transactional(readOnly = true)
	public List<HandlingReport> versions(long petitionId) {
		this.queries.petition(petitionId);
		return this.reports.versions(petitionId);
	}

	/**
	 * One version of the case's report.
	 * @throws NotFound if the case has no such version
	 */
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
	@Transactional(readOnly = true)
	public HandlingReport version(long petitionId, int versionNumber) {
		this.queries.petition(petitionId);
		return this.reports.version(petitionId, versionNumber)
			.orElseThrow(() -> new NotFound("handling report", petitionId + "/" + versionNumber));
	}

	/** What changed from version {@code from} to version {@code to}, field by field. */
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
	@Transactional(readOnly = true)
	public ReportChanges changes(long petitionId, int from, int to) {
		return changes(version(petitionId, from), version(petitionId, to));
	}

	static ReportChanges changes(HandlingReport before, HandlingReport after) {
		Map<String, String> earlier = before.parts();
		List<ReportChanges.FieldChange> fields = new ArrayList<>();
		after.parts().forEach((field, value) -> {
			String was = earlier.get(field);
			if (!Objects.equals(was, value)) {
				fields.add(new ReportChanges.FieldChange(field, was, value,
						HandlingReport.TEXTS.contains(field) ? TextDiff.between(was, value) : List.of()));
			}
		});
		return new ReportChanges(before.versionNumber(), after.versionNumber(), List.copyOf(fields));
	}

	/**
	 * The draft the lead unit edits: the saved draft, else a copy of the version the
	 * office returned, else an empty one.
	 * @throws AccessDeniedException unless the reader's unit leads the case
	 * @throws RuleViolation if the report cannot be edited now, naming the state
	 */
	@PreAuthorize("hasRole('HANDLER')")
	@Transactional(readOnly = true)
	public ReportEdit edit(long petitionId) {
		Petition petition = this.queries.petition(petitionId);
		checkLead(petition);
		checkEditable(petition);
		Optional<HandlingReport> latest = this.reports.latest(petitionId);
		if (latest.isEmpty()) {
			return new ReportEdit(1, ReportDraft.empty(), null, null);
		}
		HandlingReport report = latest.get();
		checkEditable(report);
		if (report.status() == ReportStatus.DRAFT) {
			HandlingReport returned = this.reports.version(petitionId, report.versionNumber() - 1)
				.filter((r) -> r.status() == ReportStatus.RETURNED)
				.orElse(null);
			return new ReportEdit(report.versionNumber(), report.content(), report.rowVersion(), returned);
		}
		return new ReportEdit(report.versionNumber() + 1, report.content(), null, report);
	}

	/**
	 * Saves the lead unit's draft: creates the next version when there is no draft (the
	 * first report, or after a return), else replaces the draft's content.
	 * @param expectedRowVersion the draft's row version as the form was loaded, or
	 * {@code null} when the form started a new version
	 * @return the saved draft
	 * @throws EditConflict if someone saved the draft since the form was loaded; nothing
	 * is written and their text stays
	 * @throws InvalidInput for text too long or figures below zero
	 */
	@PreAuthorize("hasRole('HANDLER')")
	public HandlingReport saveDraft(long petitionId, Long expectedRowVersion, ReportDraft draft) {
		Petition petition = lockedCase(petitionId);
		checkLead(petition);
		checkEditable(petition);
		ReportDraft content = normalized(draft);
		List<InvalidInput.Problem> problems = ReportRules.draftProblems(content);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Optional<HandlingReport> latest = this.reports.latest(petitionId);
		latest.ifPresent(this::checkEditable);
		String by = CurrentActor.get().login();
		Instant now = this.clock.instant();
		boolean created;
		int versionNumber;
		if (latest.isPresent() && latest.get().status() == ReportStatus.DRAFT) {
			HandlingReport saved = latest.get();
			if (expectedRowVersion == null
					|| !this.reports.updateDraft(saved.id(), expectedRowVersion, content, by, now)) {
				throw new EditConflict(petition.receiptNumber());
			}
			created = false;
			versionNumber = saved.versionNumber();
		}
		else {
			if (expectedRowVersion != null) {
				throw new EditConflict(petition.receiptNumber());
			}
			versionNumber = latest.map((r) -> r.versionNumber() + 1).orElse(1);
			try {
				this.reports.insertDraft(petitionId, versionNumber, petition.leadUnitId(), content, by, now);
			}
			catch (DuplicateKeyException ex) {
				throw new EditConflict(petition.receiptNumber());
			}
			created = true;
		}
		this.journal.record(PetitionClocks.SUBJECT, petitionId, "ReportDrafted",
				Map.of("version", versionNumber, "created", created));
		return this.reports.version(petitionId, versionNumber).orElseThrow();
	}

	/**
	 * Checks that the saved draft could be submitted, before the unit is shown its
	 * answers to confirm.
	 * @return the draft
	 * @throws InvalidInput with every part that is missing or wrong
	 */
	@PreAuthorize("hasRole('HANDLER')")
	@Transactional(readOnly = true)
	public HandlingReport checkReadyToSubmit(long petitionId) {
		Petition petition = this.queries.petition(petitionId);
		checkLead(petition);
		HandlingReport draft = savedDraft(petition);
		checkComplete(draft);
		return draft;
	}

	/**
	 * Submits the draft to the office: the case becomes REPORTED and its report or
	 * supplement clock stops.
	 * @throws InvalidInput with every part that is missing or wrong
	 * @throws EditConflict if the draft changed since {@code expectedRowVersion}
	 * @throws RuleViolation if there is no draft, naming the report's state
	 */
	@PreAuthorize("hasRole('HANDLER')")
	public HandlingReport submit(long petitionId, long expectedRowVersion) {
		Petition petition = lockedCase(petitionId);
		checkLead(petition);
		checkEditable(petition);
		HandlingReport draft = savedDraft(petition);
		if (draft.rowVersion() != expectedRowVersion) {
			throw new EditConflict(petition.receiptNumber());
		}
		checkComplete(draft);
		Instant now = this.clock.instant();
		if (!this.reports.markSubmitted(draft.id(), expectedRowVersion, now)
				|| !this.petitions.updateStatus(petitionId, petition.version(), PetitionStatus.REPORTED)) {
			throw new EditConflict(petition.receiptNumber());
		}
		this.clocks.reportSubmitted(petitionId, now);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("version", draft.versionNumber());
		facts.put("verdict", draft.verdict().name());
		facts.put("completion", draft.completion().name());
		this.journal.record(PetitionClocks.SUBJECT, petitionId, "ReportSubmitted", facts);
		return this.reports.version(petitionId, draft.versionNumber()).orElseThrow();
	}

	/**
	 * The office approves the submitted version: the case becomes APPROVED and carries
	 * the report's verdict and completion.
	 * @param comment the office's remark, optional
	 * @throws RuleViolation if no version awaits review, naming the report's state
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public HandlingReport approve(long petitionId, long expectedRowVersion, String comment) {
		Petition petition = lockedCase(petitionId);
		HandlingReport report = submitted(petition, expectedRowVersion);
		String remark = (comment == null || comment.isBlank()) ? null : comment.strip();
		checkComment(remark);
		if (!this.reports.markReviewed(report.id(), expectedRowVersion, ReportStatus.APPROVED,
				CurrentActor.get().login(), this.clock.instant(), remark)
				|| !this.petitions.updateStatus(petitionId, petition.version(), PetitionStatus.APPROVED)) {
			throw new EditConflict(petition.receiptNumber());
		}
		this.petitions.updateOutcome(petitionId, report.verdict(), report.completion());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("version", report.versionNumber());
		facts.put("verdict", report.verdict().name());
		facts.put("completion", report.completion().name());
		if (report.rectificationDue() != null) {
			facts.put("rectificationDue", report.rectificationDue().toString());
		}
		this.journal.record(PetitionClocks.SUBJECT, petitionId, "ReportApproved", facts);
		return this.reports.version(petitionId, report.versionNumber()).orElseThrow();
	}

	/**
	 * The office returns the submitted version for supplement (退回补充): the case becomes
	 * RETURNED and its supplement clock starts.
	 * @param comment what the unit must supplement; required
	 * @return when the supplement is due
	 * @throws InvalidInput if the comment is missing or too long
	 * @throws RuleViolation if no version awaits review, naming the report's state
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public Instant returnForSupplement(long petitionId, long expectedRowVersion, String comment) {
		Petition petition = lockedCase(petitionId);
		HandlingReport report = submitted(petition, expectedRowVersion);
		if (comment == null || comment.isBlank()) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("comment", "handling.review.comment.required")));
		}
		String reason = comment.strip();
		checkComment(reason);
		Instant now = this.clock.instant();
		if (!this.reports.markReviewed(report.id(), expectedRowVersion, ReportStatus.RETURNED,
				CurrentActor.get().login(), now, reason)
				|| !this.petitions.updateStatus(petitionId, petition.version(), PetitionStatus.RETURNED)) {
			throw new EditConflict(petition.receiptNumber());
		}
		DeadlineClock supplement = this.clocks.returned(petitionId, this.rounds.round(petition.roundId()), now);
		this.journal.record(PetitionClocks.SUBJECT, petitionId, "ReportReturned",
				Map.of("version", report.versionNumber(), "comment", PersonalNumbers.redact(reason)));
		return supplement.dueAt();
	}

	/**
	 * A co-unit gives the lead unit what it found or did, for the report.
	 * @return the contribution's id
	 * @throws AccessDeniedException unless the reader's unit is a co-unit of the case
	 */
	@PreAuthorize("hasRole('HANDLER')")
	public long addContribution(long petitionId, String text) {
		Petition petition = lockedCase(petitionId);
		long unit = coUnit(petitionId, scopeUnits())
			.orElseThrow(() -> new AccessDeniedException("only a co-unit of the case contributes"));
		if (!open(petition)) {
			throw new RuleViolation("handling.contribution.notAllowed", petition.status().name());
		}
		if (text == null || text.isBlank()) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("text", "handling.contribution.required")));
		}
		if (text.strip().length() > ReportRules.TEXT) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("text", "form.tooLong", ReportRules.TEXT)));
		}
		long id = this.reports.insertContribution(petitionId, unit, text.strip(), CurrentActor.get().login(),
				this.clock.instant());
		this.journal.record(PetitionClocks.SUBJECT, petitionId, "ContributionAdded",
				Map.of("contribution", id, "unit", this.accounts.unitNames().getOrDefault(unit, "")));
		return id;
	}

	/** The co-units' contributions to the case's report, oldest first. */
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
	@Transactional(readOnly = true)
	public List<Contribution> contributions(long petitionId) {
		this.queries.petition(petitionId);
		return this.reports.contributions(petitionId, this.accounts.unitNames());
	}

	private Petition lockedCase(long petitionId) {
		this.queries.petition(petitionId);
		return this.petitions.petitionForUpdate(petitionId).orElseThrow(() -> new NotFound("petition", petitionId));
	}

	private HandlingReport savedDraft(Petition petition) {
		HandlingReport latest = this.reports.latest(petition.id())
			.orElseThrow(() -> new RuleViolation("handling.cannotSubmit.noDraft"));
		if (latest.status() != ReportStatus.DRAFT) {
			throw new RuleViolation("handling.cannotSubmit", latest.status().name());
		}
		return latest;
	}

	private HandlingReport submitted(Petition petition, long expectedRowVersion) {
		HandlingReport latest = this.reports.latest(petition.id())
			.orElseThrow(() -> new RuleViolation("handling.cannotReview.none"));
		if (latest.status() != ReportStatus.SUBMITTED) {
			throw new RuleViolation("handling.cannotReview", latest.status().name());
		}
		if (latest.rowVersion() != expectedRowVersion) {
			throw new EditConflict(petition.receiptNumber());
		}
		return latest;
	}

	private void checkComplete(HandlingReport draft) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.clock.getZone());
		List<InvalidInput.Problem> problems = ReportRules.submissionProblems(draft.content(), today);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static void checkComment(String comment) {
		if (comment != null && comment.length() > COMMENT) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("comment", "form.tooLong", COMMENT)));
		}
	}

	private void checkLead(Petition petition) {
		if (!leads(petition, scopeUnits())) {
			throw new AccessDeniedException("only the lead unit writes the handling report");
		}
	}

	private static boolean leads(Petition petition, List<Long> scopeUnits) {
		return petition.leadUnitId() != null && scopeUnits.contains(petition.leadUnitId());
	}

	private static boolean open(Petition petition) {
		return petition.status() == PetitionStatus.ASSIGNED || petition.status() == PetitionStatus.RETURNED;
	}

	private static void checkEditable(Petition petition) {
		if (!open(petition)) {
			throw new RuleViolation("handling.cannotEdit.case", petition.status().name());
		}
	}

	private void checkEditable(HandlingReport latest) {
		if (latest.status() == ReportStatus.SUBMITTED || latest.status() == ReportStatus.APPROVED) {
			throw new RuleViolation("handling.cannotEdit", latest.status().name());
		}
	}

	private Optional<Long> coUnit(long petitionId, List<Long> scopeUnits) {
		return this.queries.assignments(List.of(petitionId))
			.getOrDefault(petitionId, List.of())
			.stream()
			.filter((a) -> a.role() == AssignmentRole.CO && scopeUnits.contains(a.unitId()))
			.map(Assignment::unitId)
			.findFirst();
	}

	private List<Long> scopeUnits() {
		return this.accounts.unitIdsIn(this.accounts.currentScope());
	}

	private static boolean hasRole(String role) {
		return CurrentActor.get() instanceof SignedInUser user && user.roleNames().contains(role);
	}

	private static ReportDraft normalized(ReportDraft d) {
		return new ReportDraft(strip(d.findings()), d.verdict(), strip(d.handling()), strip(d.accountability()),
				d.personsAccountable(), d.finesWan(), d.casesFiled(), d.detentions(), d.enterprisesRectify(),
				d.enterprisesClosed(), strip(d.enterpriseSide()), strip(d.regulatorSide()), d.completion(),
				(d.completion() == Completion.STAGED) ? d.rectificationDue() : null);
	}

	private static String strip(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
