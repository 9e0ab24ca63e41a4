package org.ducha.disclosure.web;

import java.util.List;
import java.util.Locale;

import org.ducha.disclosure.Disclosures;
import org.ducha.disclosure.PublishedTable;
import org.ducha.disclosure.TableDraft;
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
 * The office checks a batch's disclosure table — rows, redactions, cases left out, what
 * changed — and publishes it. The public reads what was published, without signing in.
 */
@Controller
class DisclosureController {

	private final Disclosures disclosures;

	private final MessageSource messages;

	DisclosureController(Disclosures disclosures, MessageSource messages) {
		this.disclosures = disclosures;
		this.messages = messages;
	}

	@GetMapping("/batches/{id}/disclosure")
	@PreAuthorize("hasRole('OFFICE')")
	String preview(@PathVariable long id, Model model) {
		return preview(id, model, FormErrors.none(), null);
	}

	private String preview(long id, Model model, FormErrors errors, String changeNote) {
		TableDraft draft = this.disclosures.draft(id);
		model.addAttribute("draft", draft);
		model.addAttribute("versions", this.disclosures.versions(id));
		model.addAttribute("errors", errors);
		model.addAttribute("changeNote", changeNote);
		return "disclosure/preview";
	}

	@PostMapping("/batches/{id}/disclosure")
	@PreAuthorize("hasRole('OFFICE')")
	String publish(@PathVariable long id, @RequestParam(defaultValue = "-1") int baseVersion,
			@RequestParam(required = false) String changeNote, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			long table = this.disclosures.publish(id, baseVersion, changeNote);
			redirect.addFlashAttribute("banner", "disclosure.published");
			return "redirect:/public/disclosures/" + table;
		}
		catch (RuleViolation ex) {
			return preview(id, model, FormErrors.of(ex, this.messages, locale), changeNote);
		}
	}

	@GetMapping("/public/disclosures")
	String published(Model model) {
		model.addAttribute("tables", this.disclosures.published());
		return "disclosure/public-list";
	}

	@GetMapping("/public/disclosures/{id}")
	String table(@PathVariable long id, Model model) {
		PublishedTable table = this.disclosures.table(id);
		List<PublishedTable> versions = this.disclosures.versions(table.batchId());
		model.addAttribute("table", table);
		model.addAttribute("versions", versions);
		model.addAttribute("latest", versions.get(0).id() == table.id());
		model.addAttribute("changes", this.disclosures.changes(table));
		return "disclosure/public-table";
	}

}
