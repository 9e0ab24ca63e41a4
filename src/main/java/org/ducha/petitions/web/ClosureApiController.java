package org.ducha.petitions.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ducha.petitions.ClosureCondition;
import org.ducha.petitions.ClosureOverview;
import org.ducha.petitions.Closures;
import org.ducha.petitions.ConditionRecord;
import org.ducha.petitions.CycleResult;
import org.ducha.petitions.FollowUpMethod;
import org.ducha.petitions.LookBack;
import org.ducha.petitions.LookBackMethod;
import org.ducha.petitions.LookBackOutcome;
import org.ducha.petitions.LookBacks;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PetitionStatus;
import org.ducha.petitions.Satisfaction;
import org.ducha.petitions.SatisfactionAnswer;
import org.ducha.petitions.SixConditions;
import org.ducha.shared.Bilingual;
import org.ducha.shared.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Closing a case under the six conditions (六个不放过) and look-backs (回头看) as JSON, for the
 * same people and under the same rules as the pages: whoever may read a case reads where
 * it stands; the office records follow-ups, settles or waives conditions, closes the case
 * with the {@code version} it last read, schedules look-backs and records what they
 * found; leaders read look-backs too.
 */
@RestController
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class ClosureApiController {

	private final Closures closures;

	private final LookBacks lookBacks;

	private final PetitionQueries petitions;

	private final MessageSource messages;

	private final Clock clock;

	ClosureApiController(Closures closures, LookBacks lookBacks, PetitionQueries petitions, MessageSource messages,
			Clock clock) {
		this.closures = closures;
		this.lookBacks = lookBacks;
		this.petitions = petitions;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/api/petitions/{id}/closure")
	ClosureJson closure(@PathVariable long id) {
		ClosureOverview overview = this.closures.overview(id);
		Petition petition = this.petitions.petition(id);
		List<ConditionJson> conditions = overview.lines().stream().map(this::condition).toList();
		return new ClosureJson(id, petition.receiptNumber(), petition.status(), petition.version(), overview.cycle(),
				overview.complete(), conditions, overview.satisfactions(), overview.closing(), overview.pastCycles());
	}

	private ConditionJson condition(ClosureOverview.Line line) {
		ConditionRecord settled = line.settled();
		SixConditions.Gap gap = line.gap();
		return new ConditionJson(line.condition(), Bilingual.of(this.messages, "condition." + line.condition().name()),
				(settled != null) ? settled.state().name() : "OPEN", (settled != null) ? settled.note() : null,
				(settled != null) ? settled.satisfactionId() : null, (settled != null) ? settled.recordedBy() : null,
				(settled != null) ? settled.recordedAt() : null,
				(gap != null) ? Bilingual.of(this.messages, gap.reasonCode(), gap.args()) : null);
	}

	/** Records the complainant's answer at a follow-up (回访). */
	@PostMapping("/api/petitions/{id}/closure/satisfaction")
	@PreAuthorize("hasRole('OFFICE')")
	ClosureJson recordSatisfaction(@PathVariable long id, @RequestBody SatisfactionBody body) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		SatisfactionAnswer answer = Choices.of(SatisfactionAnswer.class, "answer", body.answer(), problems);
		FollowUpMethod method = Choices.of(FollowUpMethod.class, "method", body.method(), problems);
		problems.throwIfAny();
		this.closures.recordSatisfaction(id, answer, method, body.note());
		return closure(id);
	}

	@PostMapping("/api/petitions/{id}/closure/conditions/{condition}/met")
	@PreAuthorize("hasRole('OFFICE')")
	ClosureJson recordMet(@PathVariable long id, @PathVariable ClosureCondition condition, @RequestBody NoteBody body) {
		this.closures.recordMet(id, condition, body.note());
		return closure(id);
	}

	/** Waives a condition on the office head's decision, with the written reason. */
	@PostMapping("/api/petitions/{id}/closure/conditions/{condition}/waiver")
	@PreAuthorize("hasRole('OFFICE')")
	ClosureJson waive(@PathVariable long id, @PathVariable ClosureCondition condition, @RequestBody ReasonBody body) {
		this.closures.waive(id, condition, body.reason());
		return closure(id);
	}

	/**
	 * Closes the case with the {@code version} last read. Each condition still open is a
	 * problem of its own, on the field {@code conditions.<CONDITION>}.
	 */
	@PostMapping("/api/petitions/{id}/closure/close")
	@PreAuthorize("hasRole('OFFICE')")
	ClosureJson close(@PathVariable long id, @RequestBody VersionBody body) {
		long version = JsonFields.requiredVersion(body.version());
		try {
			this.closures.close(id, version);
		}
		catch (InvalidInput ex) {
			throw JsonFields.renamed(ex, (field) -> field.replaceFirst("^condition-", "conditions."));
		}
		return closure(id);
	}

	/** Look-backs still to do (the earliest day first) and the latest done. */
	@GetMapping("/api/look-backs")
	@PreAuthorize("hasAnyRole('OFFICE','LEADER')")
	LookBacksJson lookBacks() {
		return new LookBacksJson(this.lookBacks.pending().stream().map(this::shown).toList(),
				this.lookBacks.done().stream().map(this::shown).toList());
	}

	@GetMapping("/api/look-backs/{id}")
	@PreAuthorize("hasAnyRole('OFFICE','LEADER')")
	LookBackJson lookBack(@PathVariable long id) {
		return shown(this.lookBacks.lookBack(id));
	}

	/**
	 * Schedules a look-back for each closed case chosen by id or receipt number, all or
	 * none. {@code Location} is the look-back, or the list when there are several.
	 */
	@PostMapping("/api/look-backs")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<List<LookBackJson>> schedule(@RequestBody ScheduleBody body) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		LookBackMethod method = Choices.of(LookBackMethod.class, "method", body.method(), problems);
		problems.throwIfAny();
		List<Long> ids;
		try {
			ids = this.lookBacks.schedule(body.petitionIds(), body.receiptNumbers(), method, body.scheduledFor(),
					body.note());
		}
		catch (InvalidInput ex) {
			throw JsonFields.renamed(ex, (field) -> "cases".equals(field) ? "petitionIds" : field);
		}
		URI location = (ids.size() == 1)
				? UriComponentsBuilder.fromPath("/api/look-backs/{id}").buildAndExpand(ids.get(0)).toUri()
				: URI.create("/api/look-backs");
		return ResponseEntity.created(location).body(ids.stream().map(this::lookBack).toList());
	}

	/** Records what a look-back found; a rebound reopens the case in a new cycle. */
	@PostMapping("/api/look-backs/{id}/outcome")
	@PreAuthorize("hasRole('OFFICE')")
	LookBackJson recordOutcome(@PathVariable long id, @RequestBody OutcomeBody body) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		LookBackOutcome outcome = Choices.of(LookBackOutcome.class, "outcome", body.outcome(), problems);
		problems.throwIfAny();
		this.lookBacks.recordOutcome(id, outcome, body.finding());
		return lookBack(id);
	}

	@PostMapping("/api/look-backs/{id}/reschedule")
	@PreAuthorize("hasRole('OFFICE')")
	LookBackJson reschedule(@PathVariable long id, @RequestBody RescheduleBody body) {
		return shown(this.lookBacks.reschedule(id, body.scheduledFor(), body.reason()));
	}

	@PostMapping("/api/look-backs/{id}/cancel")
	@PreAuthorize("hasRole('OFFICE')")
	LookBackJson cancel(@PathVariable long id, @RequestBody CancelBody body) {
		return shown(this.lookBacks.cancel(id, body.reason()));
	}

	/** A look-back as JSON; the service has masked the texts for a leader already. */
	private LookBackJson shown(LookBack l) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.clock.getZone());
		return new LookBackJson(l.id(), l.petitionId(), l.receiptNumber(), l.cycle(), l.method(), l.scheduledFor(),
				l.assignedNote(), l.scheduledBy(), l.scheduledAt(), l.overdue(today), l.outcome(), l.finding(),
				l.recordedBy(), l.recordedAt(), l.reopenedCycle(), l.cancelledBy(), l.cancelledAt(), l.cancelReason());
	}

	/** A follow-up: {@code answer} and {@code method} by their constants' names. */
	record SatisfactionBody(String answer, String method, String note) {
	}

	record NoteBody(String note) {
	}

	record ReasonBody(String reason) {
	}

	record VersionBody(Long version) {
	}

	/**
	 * Look-backs to schedule: cases by id, by receipt number, or both.
	 *
	 * @param method a {@link LookBackMethod} name
	 */
	record ScheduleBody(List<Long> petitionIds, List<String> receiptNumbers, String method, LocalDate scheduledFor,
			String note) {
	}

	/**
	 * What a look-back found.
	 *
	 * @param outcome a {@link LookBackOutcome} name
	 */
	record OutcomeBody(String outcome, String finding) {
	}

	/** Moves a look-back still to do to another day. */
	record RescheduleBody(LocalDate scheduledFor, String reason) {
	}

	/** Calls off a look-back still to do. */
	record CancelBody(String reason) {
	}

	/**
	 * Where a case stands against the six conditions.
	 *
	 * @param caseVersion the case's version, to send with {@code close}
	 * @param complete whether every condition is met or waived
	 */
	record ClosureJson(long petitionId, String receiptNumber, PetitionStatus caseStatus, long caseVersion, int cycle,
			boolean complete, List<ConditionJson> conditions, List<Satisfaction> satisfactions, CycleResult closing,
			List<ClosureOverview.PastCycle> pastCycles) {
	}

	/**
	 * One of the six conditions.
	 *
	 * @param state {@code MET}, {@code WAIVED} or {@code OPEN}
	 * @param note what shows it holds, or the reason for the waiver
	 * @param openBecause why it is open, or {@code null} once settled
	 */
	record ConditionJson(ClosureCondition condition, Bilingual name, String state, String note, Long satisfactionId,
			String recordedBy, Instant recordedAt, Bilingual openBecause) {
	}

	record LookBacksJson(List<LookBackJson> pending, List<LookBackJson> done) {
	}

	/**
	 * A look-back.
	 *
	 * @param overdue whether it is still to do although its day has passed
	 * @param reopenedCycle the cycle a rebound opened, or {@code null}
	 */
	record LookBackJson(long id, long petitionId, String receiptNumber, int cycle, LookBackMethod method,
			LocalDate scheduledFor, String note, String scheduledBy, Instant scheduledAt, boolean overdue,
			LookBackOutcome outcome, String finding, String recordedBy, Instant recordedAt, Integer reopenedCycle,
			String cancelledBy, Instant cancelledAt, String cancelReason) {
	}

}
