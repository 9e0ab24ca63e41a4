package org.ducha.rounds.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.ducha.accounts.AccountQueries;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.FormErrors;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rounds and their batches. Staff who handle or watch cases read them; the office creates
 * and changes them.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class RoundController {

	private final RoundQueries queries;

	private final RoundManagement rounds;

	private final AccountQueries accounts;

	private final MessageSource messages;

	private final Clock clock;

	RoundController(RoundQueries queries, RoundManagement rounds, AccountQueries accounts, MessageSource messages,
			Clock clock) {
		this.queries = queries;
		this.rounds = rounds;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/rounds")
	String list(Model model) {
		model.addAttribute("rounds", this.queries.rounds());
		return "rounds/rounds";
	}

	@GetMapping("/rounds/{id}")
	String show(@PathVariable long id, Model model) {
		return show(id, model, new BatchForm(null, null), FormErrors.none());
	}

	private String show(long id, Model model, BatchForm batchForm, FormErrors errors) {
		Round round = this.queries.round(id);
		model.addAttribute("round", round);
		model.addAttribute("batches", this.queries.batches(id));
		model.addAttribute("batchForm", batchForm);
		model.addAttribute("errors", errors);
		model.addAttribute("regionName",
				this.accounts.regions()
					.stream()
					.filter((r) -> r.code().equals(round.regionCode()))
					.map((r) -> r.name())
					.findFirst()
					.orElse(round.regionCode()));
		return "rounds/round";
	}

	@GetMapping("/rounds/new")
	@PreAuthorize("hasRole('OFFICE')")
	String initCreationForm(Model model) {
		LocalDate today = LocalDate.now(this.clock);
		RoundDraft draft = RoundDraft.withDefaultPolicies("", RoundLevel.PROVINCIAL, "",
				this.accounts.regions().isEmpty() ? null : this.accounts.regions().get(0).code(), today,
				today.plusDays(30), "");
		return form(model, null, draft, 0L, FormErrors.none());
	}

	@PostMapping("/rounds")
	@PreAuthorize("hasRole('OFFICE')")
	String processCreationForm(RoundForm form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			long id = this.rounds.createRound(form.draft());
			redirect.addFlashAttribute("banner", "round.created");
			return "redirect:/rounds/" + id;
		}
		catch (RuleViolation ex) {
			return form(model, null, form.draft(), 0L, FormErrors.of(ex, this.messages, locale));
		}
	}

	@GetMapping("/rounds/{id}/edit")
	@PreAuthorize("hasRole('OFFICE')")
	String initUpdateForm(@PathVariable long id, Model model) {
		Round round = this.queries.round(id);
		RoundDraft draft = new RoundDraft(round.name(), round.level(), round.team(), round.regionCode(),
				round.stationedFrom(), round.stationedTo(), round.hotline(), round.receiptPolicy().toString(),
				round.reportPolicy().toString(), round.keyReportPolicy().toString(),
				round.supplementPolicy().toString());
		return form(model, round, draft, round.version(), FormErrors.none());
	}

	@PostMapping("/rounds/{id}")
	@PreAuthorize("hasRole('OFFICE')")
	String processUpdateForm(@PathVariable long id, RoundForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.rounds.updateRound(id, (form.version() != null) ? form.version() : -1, form.draft());
			redirect.addFlashAttribute("banner", "round.saved");
			return "redirect:/rounds/" + id;
		}
		catch (RuleViolation ex) {
			return form(model, this.queries.round(id), form.draft(), (form.version() != null) ? form.version() : -1,
					FormErrors.of(ex, this.messages, locale));
		}
	}

	@PostMapping("/rounds/{id}/batches")
	@PreAuthorize("hasRole('OFFICE')")
	String createBatch(@PathVariable long id, BatchForm form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Instant transferredAt = localDateTime("transferredAt", form.transferredAt());
			long batchId = this.rounds.createBatch(id, form.number(), transferredAt);
			redirect.addFlashAttribute("banner", "batch.created");
			return "redirect:/batches/" + batchId;
		}
		catch (RuleViolation ex) {
			return show(id, model, form, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String form(Model model, Round existing, RoundDraft draft, long version, FormErrors errors) {
		model.addAttribute("existing", existing);
		model.addAttribute("form", draft);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("levels", RoundLevel.values());
		model.addAttribute("regions", this.accounts.regions());
		return "rounds/round-form";
	}

	/** What the round form submits. */
	record RoundForm(String name, RoundLevel level, String team, String regionCode,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stationedFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stationedTo, String hotline, String receiptPolicy,
			String reportPolicy, String keyReportPolicy, String supplementPolicy, Long version) {

		RoundDraft draft() {
			return new RoundDraft(trim(this.name), this.level, trim(this.team), this.regionCode, this.stationedFrom,
					this.stationedTo, trim(this.hotline), trim(this.receiptPolicy), trim(this.reportPolicy),
					trim(this.keyReportPolicy), trim(this.supplementPolicy));
		}

		private static String trim(String value) {
			return (value != null) ? value.strip() : null;
		}

	}

	private Instant localDateTime(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(this.clock.getZone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(List.of(new InvalidInput.Problem(field, "form.dateTime.invalid", text)));
		}
	}

	/** What the new-batch form submits; the time as a browser's datetime-local value. */
	record BatchForm(Integer number, String transferredAt) {
	}

}
