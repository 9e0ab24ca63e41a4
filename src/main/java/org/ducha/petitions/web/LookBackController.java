package org.ducha.petitions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ducha.petitions.LookBack;
import org.ducha.petitions.LookBackMethod;
import org.ducha.petitions.LookBackOutcome;
import org.ducha.petitions.LookBacks;
import org.ducha.petitions.PetitionQueries;
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
 * Look-backs (回头看): the office and leaders see what is scheduled (overdue first) and what
 * was found; the office schedules look-backs for closed cases and records outcomes.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','LEADER')")
class LookBackController {

	private final LookBacks lookBacks;

	private final PetitionQueries petitions;

	private final MessageSource messages;

	private final Clock clock;

	LookBackController(LookBacks lookBacks, PetitionQueries petitions, MessageSource messages, Clock clock) {
		this.lookBacks = lookBacks;
		this.petitions = petitions;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/look-backs")
	String list(@RequestParam(name = "petition", required = false) Long chosen, Model model) {
		return list(new ScheduleForm((chosen != null) ? List.of(chosen) : List.of(), null, null, null, null),
				FormErrors.none(), model);
	}

	private String list(ScheduleForm form, FormErrors errors, Model model) {
		model.addAttribute("pending", this.lookBacks.pending());
		model.addAttribute("done", this.lookBacks.done());
		model.addAttribute("doneShown", LookBacks.DONE_SHOWN);
		model.addAttribute("today", today());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("methods", LookBackMethod.values());
		if (this.petitions.readerIsOffice()) {
			model.addAttribute("closedCases", this.lookBacks.closedCases());
			model.addAttribute("closedShown", LookBacks.CLOSED_SHOWN);
		}
		return "petitions/look-backs";
	}

	@PostMapping("/look-backs")
	@PreAuthorize("hasRole('OFFICE')")
	String schedule(ScheduleForm form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			List<Long> ids = this.lookBacks.schedule(form.ids(), form.numbers(), form.method(), form.day(),
					form.note());
			redirect.addFlashAttribute("banner", "lookBack.scheduled.done");
			redirect.addFlashAttribute("bannerArgs", new Object[] { ids.size() });
			return "redirect:/look-backs";
		}
		catch (RuleViolation ex) {
			return list(form, FormErrors.of(ex, this.messages, locale), model);
		}
	}

	@GetMapping("/look-backs/{id}")
	String show(@PathVariable long id, Model model) {
		return show(id, null, null, FormErrors.none(), model);
	}

	@PostMapping("/look-backs/{id}/outcome")
	@PreAuthorize("hasRole('OFFICE')")
	String recordOutcome(@PathVariable long id, @RequestParam(required = false) LookBackOutcome outcome,
			@RequestParam(required = false) String finding, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.lookBacks.recordOutcome(id, outcome, finding);
			LookBack done = this.lookBacks.lookBack(id);
			redirect.addFlashAttribute("banner",
					(done.reopenedCycle() != null) ? "lookBack.recorded.reopened" : "lookBack.recorded.done");
			return "redirect:/look-backs/" + id;
		}
		catch (RuleViolation ex) {
			return show(id, outcome, finding, FormErrors.of(ex, this.messages, locale), model);
		}
	}

	/**
	 * Moves the look-back to another day or calls it off: one form, two buttons, since
	 * both need the reason.
	 */
	@PostMapping("/look-backs/{id}/change")
	@PreAuthorize("hasRole('OFFICE')")
	String change(@PathVariable long id, @RequestParam(required = false) String action,
			@RequestParam(required = false) String scheduledFor, @RequestParam(required = false) String reason,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			if ("cancel".equals(action)) {
				this.lookBacks.cancel(id, reason);
				redirect.addFlashAttribute("banner", "lookBack.cancelled.done");
			}
			else {
				InvalidInput.Collector unreadable = new InvalidInput.Collector();
				LocalDate day = unreadable.date("scheduledFor", scheduledFor);
				unreadable.throwIfAny();
				LookBack moved = this.lookBacks.reschedule(id, day, reason);
				redirect.addFlashAttribute("banner", "lookBack.rescheduled.done");
				redirect.addFlashAttribute("bannerArgs",
						List.of(moved.scheduledFor()
							.format(DateTimeFormatter
								.ofPattern(this.messages.getMessage("closure.datePattern", null, locale)))));
			}
			return "redirect:/look-backs/" + id;
		}
		catch (RuleViolation ex) {
			model.addAttribute("newDay", scheduledFor);
			model.addAttribute("reason", reason);
			return show(id, null, null, FormErrors.of(ex, this.messages, locale), model);
		}
	}

	private String show(long id, LookBackOutcome outcome, String finding, FormErrors errors, Model model) {
		model.addAttribute("lookBack", this.lookBacks.lookBack(id));
		model.addAttribute("today", today());
		model.addAttribute("outcomes", LookBackOutcome.values());
		model.addAttribute("outcome", outcome);
		model.addAttribute("finding", finding);
		model.addAttribute("errors", errors);
		return "petitions/look-back";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.clock.getZone());
	}

	/**
	 * What the scheduling form submits: cases ticked in the list of closed cases and
	 * receipt numbers typed one per line (or separated by commas or spaces), and the day
	 * as typed.
	 */
	record ScheduleForm(List<Long> ids, String receiptNumbers, LookBackMethod method, String scheduledFor,
			String note) {

		/**
		 * The planned day.
		 * @throws InvalidInput if it cannot be read
		 */
		LocalDate day() {
			InvalidInput.Collector unreadable = new InvalidInput.Collector();
			LocalDate day = unreadable.date("scheduledFor", this.scheduledFor);
			unreadable.throwIfAny();
			return day;
		}

		List<String> numbers() {
			if (this.receiptNumbers == null || this.receiptNumbers.isBlank()) {
				return List.of();
			}
			return Arrays.stream(this.receiptNumbers.split("[\\s,，、;；]+")).filter((n) -> !n.isBlank()).toList();
		}

		public boolean chosen(long id) {
			return this.ids != null && this.ids.contains(id);
		}

	}

}
