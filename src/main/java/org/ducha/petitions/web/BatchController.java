package org.ducha.petitions.web;

import java.util.List;
import java.util.Locale;

import org.ducha.accounts.AccountQueries;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.rounds.Batch;
import org.ducha.rounds.RoundQueries;
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
 * A batch and its cases: the office receives it and assigns its cases, one by one or many
 * at once; handlers and leaders see the cases of their scope.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class BatchController {

	private final RoundQueries rounds;

	private final PetitionQueries petitions;

	private final PetitionManagement management;

	private final AccountQueries accounts;

	private final MessageSource messages;

	BatchController(RoundQueries rounds, PetitionQueries petitions, PetitionManagement management,
			AccountQueries accounts, MessageSource messages) {
		this.rounds = rounds;
		this.petitions = petitions;
		this.management = management;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/batches/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String after, Model model) {
		return show(id, after, model, FormErrors.none());
	}

	private String show(long id, Model model, FormErrors errors) {
		return show(id, null, model, errors);
	}

	private String show(long id, String after, Model model, FormErrors errors) {
		Batch batch = this.rounds.batch(id);
		PetitionQueries.BatchPage page = this.petitions.batchPage(id, after);
		List<Petition> cases = page.cases();
		model.addAttribute("batch", batch);
		model.addAttribute("round", this.rounds.round(batch.roundId()));
		model.addAttribute("page", page);
		model.addAttribute("cases", cases);
		model.addAttribute("assignments", this.petitions.assignments(cases.stream().map(Petition::id).toList()));
		model.addAttribute("regionNames", this.accounts.regionNames());
		model.addAttribute("errors", errors);
		if (this.petitions.readerIsOffice()) {
			model.addAttribute("units", this.accounts.allUnits());
		}
		return "petitions/batch";
	}

	@PostMapping("/batches/{id}/receive")
	@PreAuthorize("hasRole('OFFICE')")
	String receive(@PathVariable long id, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Batch batch = this.management.receiveBatch(id);
			redirect.addFlashAttribute("banner", "batch.received");
			redirect.addFlashAttribute("bannerArgs", List.of(batch.number()));
			return "redirect:/batches/" + id;
		}
		catch (RuleViolation ex) {
			return show(id, model, FormErrors.of(ex, this.messages, locale));
		}
	}

	@PostMapping("/batches/{id}/assign")
	@PreAuthorize("hasRole('OFFICE')")
	String assignMany(@PathVariable long id, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(required = false) Long leadUnitId,
			@RequestParam(name = "coUnitIds", required = false) List<Long> coUnitIds,
			@RequestParam(name = "territorialUnitIds", required = false) List<Long> territorialUnitIds, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			List<Long> chosen = (ids != null) ? ids : List.of();
			int count = this.management.assignMany(chosen, leadUnitId, orEmpty(coUnitIds), orEmpty(territorialUnitIds));
			redirect.addFlashAttribute("banner", "assign.many.done");
			redirect.addFlashAttribute("bannerArgs", List.of(count));
			return "redirect:/batches/" + id;
		}
		catch (RuleViolation ex) {
			return show(id, model, FormErrors.of(ex, this.messages, locale));
		}
	}

	static List<Long> orEmpty(List<Long> ids) {
		return (ids != null) ? ids : List.of();
	}

}
