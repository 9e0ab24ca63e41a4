package org.ducha.accounts.web;

import java.util.Locale;

import org.ducha.accounts.AccountManagement;
import org.ducha.accounts.AccountQueries;
import org.ducha.accounts.Unit;
import org.ducha.accounts.UnitKind;
import org.ducha.journal.JournalQueries;
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
 * The unit tree: everybody but the auditor reads the units of their scope; the system
 * administrator creates, changes and moves them.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER','SYSADMIN','SECADMIN')")
class UnitController {

	private final AccountQueries queries;

	private final AccountManagement accounts;

	private final JournalQueries journal;

	private final MessageSource messages;

	UnitController(AccountQueries queries, AccountManagement accounts, JournalQueries journal, MessageSource messages) {
		this.queries = queries;
		this.accounts = accounts;
		this.journal = journal;
		this.messages = messages;
	}

	@GetMapping("/units")
	String list(Model model) {
		model.addAttribute("units", this.queries.unitsInScope());
		return "accounts/units";
	}

	@GetMapping("/units/{id}")
	String show(@PathVariable long id, Model model) {
		Unit unit = this.queries.unit(id);
		model.addAttribute("unit", unit);
		model.addAttribute("parent",
				(unit.parentId() != null) ? this.queries.unitIfInScope(unit.parentId()).orElse(null) : null);
		model.addAttribute("users", this.queries.usersOf(unit));
		model.addAttribute("history", this.journal.historyOf("unit", id));
		return "accounts/unit";
	}

	@GetMapping("/units/new")
	@PreAuthorize("hasRole('SYSADMIN')")
	String initCreationForm(@RequestParam(required = false) Long parent, Model model) {
		return form(model, null, new UnitForm(null, "", null, null, parent, 0L), FormErrors.none());
	}

	@PostMapping("/units")
	@PreAuthorize("hasRole('SYSADMIN')")
	String processCreationForm(UnitForm form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			long id = this.accounts.createUnit(form.name(), form.kind(), form.regionCode(),
					(form.parentId() != null) ? form.parentId() : -1);
			redirect.addFlashAttribute("banner", "unit.created");
			return "redirect:/units/" + id;
		}
		catch (RuleViolation ex) {
			return form(model, null, form, FormErrors.of(ex, this.messages, locale));
		}
	}

	@GetMapping("/units/{id}/edit")
	@PreAuthorize("hasRole('SYSADMIN')")
	String initUpdateForm(@PathVariable long id, Model model) {
		Unit unit = this.queries.unit(id);
		return form(model, unit,
				new UnitForm(unit.id(), unit.name(), unit.kind(), unit.regionCode(), unit.parentId(), unit.version()),
				FormErrors.none());
	}

	@PostMapping("/units/{id}")
	@PreAuthorize("hasRole('SYSADMIN')")
	String processUpdateForm(@PathVariable long id, UnitForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.accounts.updateUnit(id, (form.version() != null) ? form.version() : -1, form.name(), form.kind(),
					form.regionCode(), form.parentId());
			redirect.addFlashAttribute("banner", "unit.saved");
			return "redirect:/units/" + id;
		}
		catch (RuleViolation ex) {
			return form(model, this.queries.unit(id), form, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String form(Model model, Unit existing, UnitForm form, FormErrors errors) {
		model.addAttribute("existing", existing);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("regions", this.queries.regions());
		model.addAttribute("parents",
				this.queries.unitsInScope().stream().filter((u) -> existing == null || !existing.contains(u)).toList());
		return "accounts/unit-form";
	}

	/** What the unit form submits. */
	record UnitForm(Long id, String name, UnitKind kind, String regionCode, Long parentId, Long version) {
	}

}
