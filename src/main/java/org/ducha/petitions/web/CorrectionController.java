package org.ducha.petitions.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ducha.accounts.AccountQueries;
import org.ducha.petitions.Channel;
import org.ducha.petitions.Correction;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionCorrections;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.ducha.petitions.TransferDetails;
import org.ducha.rounds.Batch;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.EditConflict;
import org.ducha.shared.FormErrors;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office corrects a case's transfer details (更正交办信息): the form filled with the case
 * as registered, a page to check what changes (each field before and after, the clocks,
 * the disclosure), and the save, after which the case page says what was corrected. A
 * stale form keeps what was typed, shows the case as it now stands, and is checked again
 * against it.
 */
@Controller
@PreAuthorize("hasRole('OFFICE')")
class CorrectionController {

	private final PetitionCorrections corrections;

	private final PetitionQueries petitions;

	private final RoundQueries rounds;

	private final AccountQueries accounts;

	private final CorrectionWords words;

	private final MessageSource messages;

	private final Clock clock;

	CorrectionController(PetitionCorrections corrections, PetitionQueries petitions, RoundQueries rounds,
			AccountQueries accounts, CorrectionWords words, MessageSource messages, Clock clock) {
		this.corrections = corrections;
		this.petitions = petitions;
		this.rounds = rounds;
		this.accounts = accounts;
		this.words = words;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/petitions/{id}/correction")
	String initCorrectionForm(@PathVariable long id, Model model) {
		Petition petition = this.petitions.petition(id);
		TransferDetails details = this.corrections.details(id);
		return form(model, petition, CorrectionForm.of(details, petition.version(), this.clock), null,
				FormErrors.none());
	}

	/** Checks the form and shows what would change; nothing is written yet. */
	@PostMapping("/petitions/{id}/correction")
	String checkCorrection(@PathVariable long id, CorrectionForm form, Locale locale, Model model) {
		try {
			Correction correction = this.corrections.check(id, form.versionOrStale(), form.toDetails(this.clock),
					form.reason());
			model.addAttribute("petition", this.petitions.petition(id));
			model.addAttribute("form", form);
			model.addAttribute("changes", this.words.of(correction.changes()));
			model.addAttribute("clockNotes", this.words.clocks(correction.clocks(), false));
			model.addAttribute("disclosureAffected", correction.disclosureAffected());
			return "petitions/correction-check";
		}
		catch (RuleViolation ex) {
			return formAgain(model, id, form, ex, locale);
		}
	}

	/** Back from the check page to the form, with what was typed. */
	@PostMapping("/petitions/{id}/correction/edit")
	String changeAnswers(@PathVariable long id, CorrectionForm form, Model model) {
		return form(model, this.petitions.petition(id), form, null, FormErrors.none());
	}

	@PostMapping("/petitions/{id}/correction/confirm")
	String saveCorrection(@PathVariable long id, CorrectionForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			Correction saved = this.corrections.correct(id, form.versionOrStale(), form.toDetails(this.clock),
					form.reason());
			List<String> notes = new ArrayList<>(this.words.clocks(saved.clocks(), true));
			if (saved.disclosureAffected()) {
				notes.add(this.messages.getMessage("correction.disclosure.saved", null, locale));
			}
			redirect.addFlashAttribute("banner", "correction.saved");
			redirect.addFlashAttribute("bannerArgs",
					new Object[] { this.words.fields(saved.changes()), String.join(" ", notes) });
			return "redirect:/petitions/" + id;
		}
		catch (RuleViolation ex) {
			return formAgain(model, id, form, ex, locale);
		}
	}

	/**
	 * The form again with what was typed and the problems. After an edit conflict the
	 * form is read against the case as it now stands, which the page shows beside it, so
	 * that checking again compares the office's answers with the other person's change.
	 */
	private String formAgain(Model model, long id, CorrectionForm form, RuleViolation problem, Locale locale) {
		Petition petition = this.petitions.petition(id);
		FormErrors errors = FormErrors.of(problem, this.messages, locale);
		if (problem instanceof EditConflict) {
			TransferDetails now = this.corrections.details(id);
			return form(model, petition, form.withVersion(petition.version()), now, errors);
		}
		return form(model, petition, form, null, errors);
	}

	private String form(Model model, Petition petition, CorrectionForm form, TransferDetails current,
			FormErrors errors) {
		Batch batch = this.rounds.batch(petition.batchId());
		model.addAttribute("petition", petition);
		model.addAttribute("batch", batch);
		model.addAttribute("round", this.rounds.round(batch.roundId()));
		model.addAttribute("form", form);
		model.addAttribute("current", current);
		model.addAttribute("regionNames", this.accounts.regionNames());
		model.addAttribute("errors", errors);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("pollutionTypes", PollutionType.values());
		model.addAttribute("regions", this.accounts.regions());
		return "petitions/correction-form";
	}

}
