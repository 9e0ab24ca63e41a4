package org.ducha.petitions.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ducha.accounts.AccountQueries;
import org.ducha.petitions.BulkAssignment;
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

	/**
	 * Assigns the chosen cases. Cases already assigned are kept as they are unless the
	 * office chose to replace them; then the page lists, case by case, what would change
	 * and nothing is written until the office confirms.
	 */
	@PostMapping("/batches/{id}/assign")
	@PreAuthorize("hasRole('OFFICE')")
	String assignMany(@PathVariable long id, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(required = false) Long leadUnitId,
			@RequestParam(name = "coUnitIds", required = false) List<Long> coUnitIds,
			@RequestParam(name = "territorialUnitIds", required = false) List<Long> territorialUnitIds,
			@RequestParam(required = false) String existing, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			List<Long> chosen = orEmpty(ids);
			if ("replace".equals(existing)) {
				BulkAssignment preview = this.management.previewAssignMany(chosen, leadUnitId, orEmpty(coUnitIds),
						orEmpty(territorialUnitIds));
				if (!preview.replaced().isEmpty()) {
					Batch batch = this.rounds.batch(id);
					model.addAttribute("batch", batch);
					model.addAttribute("round", this.rounds.round(batch.roundId()));
					model.addAttribute("preview", preview);
					model.addAttribute("ids", chosen);
					model.addAttribute("leadUnitId", leadUnitId);
					model.addAttribute("coUnitIds", orEmpty(coUnitIds));
					model.addAttribute("territorialUnitIds", orEmpty(territorialUnitIds));
					return "petitions/batch-assign-confirm";
				}
			}
			BulkAssignment done = this.management.assignMany(chosen, leadUnitId, orEmpty(coUnitIds),
					orEmpty(territorialUnitIds), BulkAssignment.Replacing.NONE);
			redirect.addFlashAttribute("assignSummary", done);
			return "redirect:/batches/" + id;
		}
		catch (RuleViolation ex) {
			return show(id, model, FormErrors.of(ex, this.messages, locale));
		}
	}

	/**
	 * Assigns the chosen cases after the office confirmed which already assigned ones to
	 * replace ({@code confirm}: {@code id:version} of each, as shown); the others are
	 * kept.
	 */
	@PostMapping("/batches/{id}/assign/confirmed")
	@PreAuthorize("hasRole('OFFICE')")
	String assignManyConfirmed(@PathVariable long id, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(required = false) Long leadUnitId,
			@RequestParam(name = "coUnitIds", required = false) List<Long> coUnitIds,
			@RequestParam(name = "territorialUnitIds", required = false) List<Long> territorialUnitIds,
			@RequestParam(name = "confirm", required = false) List<String> confirm, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			BulkAssignment done = this.management.assignMany(orEmpty(ids), leadUnitId, orEmpty(coUnitIds),
					orEmpty(territorialUnitIds), BulkAssignment.Replacing.confirmed(versions(confirm)));
			redirect.addFlashAttribute("assignSummary", done);
			return "redirect:/batches/" + id;
		}
		catch (RuleViolation ex) {
			return show(id, model, FormErrors.of(ex, this.messages, locale));
		}
	}

	/** {@code id:version} pairs; anything else is ignored, so that the case is kept. */
	private static Map<Long, Long> versions(List<String> confirm) {
		Map<Long, Long> versions = new LinkedHashMap<>();
		for (String pair : (confirm != null) ? confirm : List.<String>of()) {
			String[] parts = pair.split(":");
			if (parts.length == 2 && parts[0].matches("[0-9]{1,18}") && parts[1].matches("[0-9]{1,18}")) {
				versions.put(Long.valueOf(parts[0]), Long.valueOf(parts[1]));
			}
		}
		return versions;
	}

	static List<Long> orEmpty(List<Long> ids) {
		return (ids != null) ? ids : List.of();
	}

}
