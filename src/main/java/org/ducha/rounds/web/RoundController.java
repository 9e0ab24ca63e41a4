package org.ducha.rounds.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ducha.accounts.AccountQueries;
import org.ducha.deadlines.DeadlinePolicy;
import org.ducha.deadlines.PolicyWords;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.FormErrors;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final PolicyWords policyWords;

	RoundController(RoundQueries queries, RoundManagement rounds, AccountQueries accounts, MessageSource messages,
			Clock clock, PolicyWords policyWords) {
		this.queries = queries;
		this.rounds = rounds;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
		this.policyWords = policyWords;
	}

	@GetMapping("/rounds")
	String list(Model model) {
		model.addAttribute("rounds", this.queries.rounds());
		model.addAttribute("regionNames", this.accounts.regionNames());
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
				this.accounts.regionNames().getOrDefault(round.regionCode(), round.regionCode()));
		return "rounds/round";
	}

	@GetMapping("/rounds/new")
	@PreAuthorize("hasRole('OFFICE')")
	String initCreationForm(Model model) {
		LocalDate today = LocalDate.now(this.clock);
		RoundDraft draft = RoundDraft.withDefaultPolicies("", RoundLevel.PROVINCIAL, "",
				this.accounts.regions().isEmpty() ? null : this.accounts.regions().get(0).code(), today,
				today.plusDays(30), "");
		return form(model, null, RoundForm.of(draft, 0L), FormErrors.none());
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
			return form(model, null, form, FormErrors.of(ex, this.messages, locale));
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
		return form(model, round, RoundForm.of(draft, round.version()), FormErrors.none());
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
			return form(model, this.queries.round(id), form, FormErrors.of(ex, this.messages, locale));
		}
	}

	@PostMapping("/rounds/{id}/batches")
	@PreAuthorize("hasRole('OFFICE')")
	String createBatch(@PathVariable long id, BatchForm form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Instant transferredAt = localDateTime("transferredAt", form.transferredAt());
			long batchId = this.rounds.createBatch(id, form.numberOrNull(), transferredAt);
			redirect.addFlashAttribute("banner", "batch.created");
			return "redirect:/batches/" + batchId;
		}
		catch (RuleViolation ex) {
			return show(id, model, form, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String form(Model model, Round existing, RoundForm form, FormErrors errors) {
		model.addAttribute("existing", existing);
		model.addAttribute("form", form);
		model.addAttribute("version", (form.version() != null) ? form.version() : -1);
		model.addAttribute("errors", errors);
		model.addAttribute("levels", RoundLevel.values());
		model.addAttribute("regions", this.accounts.regions());
		model.addAttribute("inForce", (existing != null) ? inForce(existing) : Map.of());
		return "rounds/round-form";
	}

	/** Beside each policy of a round being changed, the policy now in force, in words. */
	private Map<String, String> inForce(Round round) {
		Locale locale = LocaleContextHolder.getLocale();
		return Map.of("receiptPolicy", inForce(round.receiptPolicy(), locale), "reportPolicy",
				inForce(round.reportPolicy(), locale), "keyReportPolicy", inForce(round.keyReportPolicy(), locale),
				"supplementPolicy", inForce(round.supplementPolicy(), locale));
	}

	private String inForce(DeadlinePolicy policy, Locale locale) {
		return this.messages.getMessage("round.policy.inForce", new Object[] { this.policyWords.of(policy, locale) },
				locale);
	}

	/**
	 * What the round form submits, as typed: the dates as text, so that one that cannot
	 * be read comes back to the form with a message rather than as a bad request.
	 */
	record RoundForm(String name, RoundLevel level, String team, String regionCode, String stationedFrom,
			String stationedTo, String hotline, String receiptPolicy, String reportPolicy, String keyReportPolicy,
			String supplementPolicy, Long version) {

		static RoundForm of(RoundDraft draft, long version) {
			return new RoundForm(draft.name(), draft.level(), draft.team(), draft.regionCode(),
					(draft.stationedFrom() != null) ? draft.stationedFrom().toString() : null,
					(draft.stationedTo() != null) ? draft.stationedTo().toString() : null, draft.hotline(),
					draft.receiptPolicy(), draft.reportPolicy(), draft.keyReportPolicy(), draft.supplementPolicy(),
					version);
		}

		/**
		 * The draft the form describes.
		 * @throws InvalidInput naming each date that cannot be read
		 */
		RoundDraft draft() {
			InvalidInput.Collector problems = new InvalidInput.Collector();
			LocalDate from = problems.date("stationedFrom", this.stationedFrom);
			LocalDate to = problems.date("stationedTo", this.stationedTo);
			problems.throwIfAny();
			return new RoundDraft(trim(this.name), this.level, trim(this.team), this.regionCode, from, to,
					trim(this.hotline), trim(this.receiptPolicy), trim(this.reportPolicy), trim(this.keyReportPolicy),
					trim(this.supplementPolicy));
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

	/**
	 * What the new-batch form submits, as typed; the time as a browser's datetime-local
	 * value.
	 */
	record BatchForm(String number, String transferredAt) {

		/**
		 * The batch number, or {@code null} when none was typed or it is not a whole
		 * number, which the rounds service refuses with the range it accepts.
		 */
		Integer numberOrNull() {
			if (this.number == null || !this.number.strip().matches("[0-9]{1,9}")) {
				return null;
			}
			return Integer.valueOf(this.number.strip());
		}

	}

}
