package org.ducha.disclosure.web;

import java.util.List;
import java.util.Locale;

import org.ducha.disclosure.DisclosureDecision;
import org.ducha.disclosure.Disclosures;
import org.ducha.disclosure.PublishedTable;
import org.ducha.disclosure.Redaction;
import org.ducha.disclosure.TableDraft;
import org.ducha.disclosure.TextColumn;
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
 * changed — keeps a number that is not personal or hides words by hand, and publishes it.
 * The public reads what was published, without signing in.
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

	/**
	 * One number found automatically, {@code r} being its place in the draft's list, for
	 * the office to keep in clear with a reason.
	 */
	@GetMapping("/batches/{id}/disclosure/keep")
	@PreAuthorize("hasRole('OFFICE')")
	String keepForm(@PathVariable long id, @RequestParam int r, Model model) {
		List<Redaction> redactions = this.disclosures.draft(id).redactions();
		if (r < 0 || r >= redactions.size() || !redactions.get(r).automatic()) {
			return "redirect:/batches/" + id + "/disclosure";
		}
		return keepForm(id, redactions.get(r), model, FormErrors.none(), null);
	}

	private String keepForm(long id, Redaction redaction, Model model, FormErrors errors, String reason) {
		model.addAttribute("batchId", id);
		model.addAttribute("redaction", redaction);
		model.addAttribute("errors", errors);
		model.addAttribute("reason", reason);
		return "disclosure/keep";
	}

	@PostMapping("/batches/{id}/disclosure/keep")
	@PreAuthorize("hasRole('OFFICE')")
	String keep(@PathVariable long id, @RequestParam String receiptNumber, @RequestParam String column,
			@RequestParam String number, @RequestParam(required = false) String reason, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			DisclosureDecision kept = this.disclosures.keepNumber(id, receiptNumber, column, number, reason);
			redirect.addFlashAttribute("banner", "disclosure.kept");
			redirect.addFlashAttribute("bannerArgs", List.of(kept.written(), kept.receiptNumber()));
			return "redirect:/batches/" + id + "/disclosure";
		}
		catch (RuleViolation ex) {
			FormErrors errors = FormErrors.of(ex, this.messages, locale);
			Redaction redaction = this.disclosures.draft(id)
				.redactions()
				.stream()
				.filter((r) -> r.automatic() && r.receiptNumber().equals(receiptNumber)
						&& r.column().field().equals(column) && r.found().equals(number))
				.findFirst()
				.orElse(null);
			if (redaction == null) {
				return preview(id, model, errors, null);
			}
			return keepForm(id, redaction, model, errors, reason);
		}
	}

	/** The office hides words by hand (a name, an address) in one column of one case. */
	@GetMapping("/batches/{id}/disclosure/redact")
	@PreAuthorize("hasRole('OFFICE')")
	String redactForm(@PathVariable long id, @RequestParam(required = false) String receiptNumber, Model model) {
		return redactForm(id, model, FormErrors.none(), receiptNumber, TextColumn.COMPLAINT.field(), null, null);
	}

	private String redactForm(long id, Model model, FormErrors errors, String receiptNumber, String column, String text,
			String reason) {
		model.addAttribute("draft", this.disclosures.draft(id));
		model.addAttribute("columns", TextColumn.values());
		model.addAttribute("errors", errors);
		model.addAttribute("receiptNumber", receiptNumber);
		model.addAttribute("column", column);
		model.addAttribute("text", text);
		model.addAttribute("reason", reason);
		return "disclosure/redact";
	}

	@PostMapping("/batches/{id}/disclosure/redact")
	@PreAuthorize("hasRole('OFFICE')")
	String redact(@PathVariable long id, @RequestParam(required = false) String receiptNumber,
			@RequestParam(required = false) String column, @RequestParam(required = false) String text,
			@RequestParam(required = false) String reason, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			DisclosureDecision hidden = this.disclosures.redactByHand(id, receiptNumber, column, text, reason);
			redirect.addFlashAttribute("banner", "disclosure.redacted");
			redirect.addFlashAttribute("bannerArgs", List.of(hidden.occurrences(), hidden.receiptNumber()));
			return "redirect:/batches/" + id + "/disclosure";
		}
		catch (RuleViolation ex) {
			return redactForm(id, model, FormErrors.of(ex, this.messages, locale), receiptNumber, column, text, reason);
		}
	}

	@PostMapping("/batches/{id}/disclosure/decisions/{decision}/withdraw")
	@PreAuthorize("hasRole('OFFICE')")
	String withdraw(@PathVariable long id, @PathVariable long decision, RedirectAttributes redirect) {
		this.disclosures.withdrawDecision(id, decision);
		redirect.addFlashAttribute("banner", "disclosure.withdrawn");
		return "redirect:/batches/" + id + "/disclosure";
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
