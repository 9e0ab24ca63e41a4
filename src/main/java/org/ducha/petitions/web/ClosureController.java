package org.ducha.petitions.web;

import java.util.Locale;

import org.ducha.petitions.ClosureCondition;
import org.ducha.petitions.Closures;
import org.ducha.petitions.FollowUpMethod;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.SatisfactionAnswer;
import org.ducha.shared.FormErrors;
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
 * The office settles a case's six conditions, records follow-ups with the complainant,
 * and closes the case after checking its answers. The forms also sit on the case page; a
 * form with a problem comes back on its own page, with the problem beside its field.
 */
@Controller
@PreAuthorize("hasRole('OFFICE')")
class ClosureController {

	private final PetitionQueries petitions;

	private final Closures closures;

	private final MessageSource messages;

	ClosureController(PetitionQueries petitions, Closures closures, MessageSource messages) {
		this.petitions = petitions;
		this.closures = closures;
		this.messages = messages;
	}

	@GetMapping("/petitions/{id}/conditions/{condition}")
	String conditionForm(@PathVariable long id, @PathVariable ClosureCondition condition, Model model) {
		return conditionPage(id, condition, null, null, FormErrors.none(), model);
	}

	@PostMapping("/petitions/{id}/conditions/{condition}/met")
	String recordMet(@PathVariable long id, @PathVariable ClosureCondition condition,
			@RequestParam(required = false) String note, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.closures.recordMet(id, condition, note);
			redirect.addFlashAttribute("banner", "closure.met.done");
			return "redirect:/petitions/" + id + "#six-conditions";
		}
		catch (RuleViolation ex) {
			return conditionPage(id, condition, note, null, FormErrors.of(ex, this.messages, locale), model);
		}
	}

	@PostMapping("/petitions/{id}/conditions/{condition}/waiver")
	String waive(@PathVariable long id, @PathVariable ClosureCondition condition,
			@RequestParam(required = false) String reason, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.closures.waive(id, condition, reason);
			redirect.addFlashAttribute("banner", "closure.waived.done");
			return "redirect:/petitions/" + id + "#six-conditions";
		}
		catch (RuleViolation ex) {
			return conditionPage(id, condition, null, reason, FormErrors.of(ex, this.messages, locale), model);
		}
	}

	private String conditionPage(long id, ClosureCondition condition, String note, String reason, FormErrors errors,
			Model model) {
		model.addAttribute("petition", this.petitions.petition(id));
		model.addAttribute("closure", this.closures.overview(id));
		model.addAttribute("condition", condition);
		model.addAttribute("note", note);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "petitions/condition";
	}

	@GetMapping("/petitions/{id}/satisfaction")
	String satisfactionForm(@PathVariable long id, Model model) {
		return satisfactionPage(id, null, null, null, FormErrors.none(), model);
	}

	@PostMapping("/petitions/{id}/satisfaction")
	String recordSatisfaction(@PathVariable long id, @RequestParam(required = false) SatisfactionAnswer answer,
			@RequestParam(required = false) FollowUpMethod method, @RequestParam(required = false) String note,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.closures.recordSatisfaction(id, answer, method, note);
			redirect.addFlashAttribute("banner", "satisfaction.done");
			return "redirect:/petitions/" + id + "#six-conditions";
		}
		catch (RuleViolation ex) {
			return satisfactionPage(id, answer, method, note, FormErrors.of(ex, this.messages, locale), model);
		}
	}

	private String satisfactionPage(long id, SatisfactionAnswer answer, FollowUpMethod method, String note,
			FormErrors errors, Model model) {
		model.addAttribute("petition", this.petitions.petition(id));
		model.addAttribute("answers", SatisfactionAnswer.values());
		model.addAttribute("methods", FollowUpMethod.values());
		model.addAttribute("answer", answer);
		model.addAttribute("method", method);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		return "petitions/satisfaction";
	}

	/** Check your answers before closing: the case, its six conditions, its follow-up. */
	@GetMapping("/petitions/{id}/close")
	String checkBeforeClosing(@PathVariable long id, Model model) {
		return closePage(id, FormErrors.none(), model);
	}

	@PostMapping("/petitions/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) Long version, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.closures.close(id, (version != null) ? version : -1);
			redirect.addFlashAttribute("banner", "closure.closed");
			return "redirect:/petitions/" + id;
		}
		catch (RuleViolation ex) {
			return closePage(id, FormErrors.of(ex, this.messages, locale), model);
		}
	}

	private String closePage(long id, FormErrors errors, Model model) {
		Petition petition = this.petitions.petition(id);
		model.addAttribute("petition", petition);
		model.addAttribute("closure", this.closures.overview(id));
		model.addAttribute("errors", errors);
		return "petitions/close";
	}

}
