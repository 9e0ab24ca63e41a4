package org.ducha.petitions.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.ducha.accounts.AccountQueries;
import org.ducha.journal.JournalEntry;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.journal.JournalQueries;
import org.ducha.journal.Timeline;
import org.ducha.petitions.Assignment;
import org.ducha.petitions.Channel;
import org.ducha.petitions.Complainant;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.NewPetition;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.ducha.rounds.Batch;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.FormErrors;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One case: its facts, who handles it, its history; the office registers cases by hand,
 * assigns them, decides transfer requests and may reveal the complainant; a unit taking
 * part asks for a transfer.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class PetitionController {

	private final PetitionQueries petitions;

	private final PetitionManagement management;

	private final RoundQueries rounds;

	private final AccountQueries accounts;

	private final JournalQueries journal;

	private final MessageSource messages;

	private final Clock clock;

	private final HandlingReports reports;

	private final ClosureSection closureSection;

	private final CorrectionWords corrections;

	PetitionController(PetitionQueries petitions, PetitionManagement management, RoundQueries rounds,
			AccountQueries accounts, JournalQueries journal, MessageSource messages, Clock clock,
			HandlingReports reports, ClosureSection closureSection, CorrectionWords corrections) {
		this.petitions = petitions;
		this.management = management;
		this.rounds = rounds;
		this.accounts = accounts;
		this.journal = journal;
		this.messages = messages;
		this.clock = clock;
		this.reports = reports;
		this.closureSection = closureSection;
		this.corrections = corrections;
	}

	@GetMapping("/petitions/{id}")
	String show(@PathVariable long id, Model model) {
		return show(id, model, FormErrors.none(), null);
	}

	private String show(long id, Model model, FormErrors errors, Complainant revealed) {
		Petition petition = this.petitions.petition(id);
		Batch batch = this.rounds.batch(petition.batchId());
		model.addAttribute("petition", petition);
		model.addAttribute("batch", batch);
		model.addAttribute("round", this.rounds.round(batch.roundId()));
		List<Assignment> assignments = this.petitions.assignments(List.of(id)).getOrDefault(id, List.of());
		model.addAttribute("assignments", assignments);
		model.addAttribute("choice", AssignmentChoice.of(assignments));
		model.addAttribute("regionNames", this.accounts.regionNames());
		model.addAttribute("unitNames", this.accounts.unitNames());
		model.addAttribute("complainant", (revealed != null) ? revealed : this.petitions.maskedComplainant(id));
		model.addAttribute("revealed", revealed != null);
		model.addAttribute("transferRequests", this.petitions.transferRequests(id));
		List<JournalEntry> history = this.journal.historyOf("petition", id);
		model.addAttribute("history",
				Timeline.of(history, (entry) -> DeadlineClocks.EVENT_TYPES.contains(entry.eventType())));
		model.addAttribute("corrections", this.corrections.history(history));
		model.addAttribute("errors", errors);
		model.addAttribute("office", this.petitions.readerIsOffice());
		model.addAttribute("units", this.accounts.allUnits());
		// Handling report section (petitions/report-fragments :: caseSection)
		model.addAttribute("handling", this.reports.overview(id));
		// Six conditions, follow-ups and look-backs (templates/petitions/closure.html).
		this.closureSection.addTo(model, id);
		return "petitions/petition";
	}

	@PostMapping("/petitions/{id}/assign")
	@PreAuthorize("hasRole('OFFICE')")
	String assign(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) Long leadUnitId,
			@RequestParam(name = "coUnitIds", required = false) List<Long> coUnitIds,
			@RequestParam(name = "territorialUnitIds", required = false) List<Long> territorialUnitIds, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			this.management.assign(id, (version != null) ? version : -1, leadUnitId, BatchController.orEmpty(coUnitIds),
					BatchController.orEmpty(territorialUnitIds));
			redirect.addFlashAttribute("banner", "assign.done");
			return "redirect:/petitions/" + id;
		}
		catch (RuleViolation ex) {
			String page = show(id, model, FormErrors.of(ex, this.messages, locale), null);
			model.addAttribute("choice", new AssignmentChoice(ids(Collections.singletonList(leadUnitId)),
					ids(coUnitIds), ids(territorialUnitIds)));
			return page;
		}
	}

	@PostMapping("/petitions/{id}/transfer-requests")
	@PreAuthorize("hasRole('HANDLER')")
	String requestTransfer(@PathVariable long id, @RequestParam(required = false) Long toUnitId,
			@RequestParam(required = false) String reason, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.management.requestTransfer(id, toUnitId, reason);
			redirect.addFlashAttribute("banner", "transfer.requested");
			return "redirect:/petitions/" + id;
		}
		catch (RuleViolation ex) {
			model.addAttribute("transferTo", toUnitId);
			model.addAttribute("transferReason", reason);
			return show(id, model, FormErrors.of(ex, this.messages, locale), null);
		}
	}

	@PostMapping("/transfer-requests/{requestId}/decision")
	@PreAuthorize("hasRole('OFFICE')")
	String decideTransfer(@PathVariable long requestId, @RequestParam long petitionId,
			@RequestParam(required = false) String decision, @RequestParam(required = false) Long newLeadUnitId,
			@RequestParam(required = false) String note, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			boolean accept = "ACCEPT".equals(decision);
			this.management.decideTransfer(requestId, accept, newLeadUnitId, note);
			redirect.addFlashAttribute("banner", accept ? "transfer.accepted" : "transfer.rejected");
			return "redirect:/petitions/" + petitionId;
		}
		catch (RuleViolation ex) {
			// Each pending request has its own decision form: tie the problems to this
			// one.
			model.addAttribute("decided", requestId);
			model.addAttribute("decisionLead", newLeadUnitId);
			model.addAttribute("decisionNote", note);
			return show(petitionId, model,
					FormErrors.of(ex, this.messages, locale)
						.renamed("note", "note-" + requestId)
						.renamed("newLeadUnitId", "newLeadUnitId-" + requestId),
					null);
		}
	}

	/**
	 * Renders the page with the complainant opened, straight in the response: the clear
	 * values never travel through the session or a redirect, and the browser is told not
	 * to keep the page.
	 */
	@PostMapping("/petitions/{id}/complainant")
	@PreAuthorize("hasRole('OFFICE')")
	String revealComplainant(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale,
			Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		try {
			return show(id, model, FormErrors.none(), this.management.revealComplainant(id, reason));
		}
		catch (RuleViolation ex) {
			model.addAttribute("revealReason", reason);
			return show(id, model, FormErrors.of(ex, this.messages, locale), null);
		}
	}

	@GetMapping("/batches/{batchId}/petitions/new")
	@PreAuthorize("hasRole('OFFICE')")
	String initCreationForm(@PathVariable long batchId, Model model) {
		Batch batch = this.rounds.batch(batchId);
		CaseForm form = new CaseForm(null,
				LocalDateTime.ofInstant(batch.transferredAt(), this.clock.getZone()).toString(), Channel.PHONE,
				Priority.ORDINARY, null, null, null, null, null, null, null, null);
		return form(model, batch, form, FormErrors.none());
	}

	@PostMapping("/batches/{batchId}/petitions")
	@PreAuthorize("hasRole('OFFICE')")
	String processCreationForm(@PathVariable long batchId, CaseForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.management.register(batchId, form.toNewPetition(this.clock));
			redirect.addFlashAttribute("banner", "petition.registered");
			return "redirect:/petitions/" + id;
		}
		catch (RuleViolation ex) {
			return form(model, this.rounds.batch(batchId), form, FormErrors.of(ex, this.messages, locale));
		}
	}

	/** The units chosen in a select, as sent. */
	private static Set<Long> ids(List<Long> chosen) {
		return (chosen != null) ? chosen.stream().filter(Objects::nonNull).collect(Collectors.toSet()) : Set.of();
	}

	private String form(Model model, Batch batch, CaseForm form, FormErrors errors) {
		model.addAttribute("batch", batch);
		model.addAttribute("round", this.rounds.round(batch.roundId()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("pollutionTypes", PollutionType.values());
		model.addAttribute("regions", this.accounts.regions());
		return "petitions/petition-form";
	}

	/** What the hand-entry form submits. */
	record CaseForm(String receiptNumber, String transferredAt, Channel channel, Priority priority, String complaint,
			String reportedObject, String address, List<String> regions, List<PollutionType> pollutionTypes,
			String repeatOf, String complainantName, String complainantPhone) {

		NewPetition toNewPetition(Clock clock) {
			Instant at = null;
			if (this.transferredAt != null && !this.transferredAt.isBlank()) {
				try {
					at = LocalDateTime.parse(this.transferredAt.strip()).atZone(clock.getZone()).toInstant();
				}
				catch (DateTimeParseException ex) {
					throw new InvalidInput(List
						.of(new InvalidInput.Problem("transferredAt", "form.dateTime.invalid", this.transferredAt)));
				}
			}
			Set<PollutionType> types = EnumSet.noneOf(PollutionType.class);
			if (this.pollutionTypes != null) {
				types.addAll(this.pollutionTypes);
			}
			return new NewPetition(strip(this.receiptNumber), at, this.channel, this.priority, strip(this.complaint),
					strip(this.reportedObject), strip(this.address),
					(this.regions != null) ? new ArrayList<>(this.regions) : List.of(), types, strip(this.repeatOf),
					strip(this.complainantName), strip(this.complainantPhone));
		}

		public boolean hasRegion(String code) {
			return this.regions != null && this.regions.contains(code);
		}

		public boolean hasType(PollutionType type) {
			return this.pollutionTypes != null && this.pollutionTypes.contains(type);
		}

		private static String strip(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

}
