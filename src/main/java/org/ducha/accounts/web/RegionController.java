package org.ducha.accounts.web;

import java.util.Locale;

import org.ducha.accounts.AccountManagement;
import org.ducha.accounts.AccountQueries;
import org.ducha.accounts.RegionLevel;
import org.ducha.shared.FormErrors;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrative divisions (GB/T 2260), kept by the system administrator. */
@Controller
@PreAuthorize("hasRole('SYSADMIN')")
class RegionController {

	private final AccountQueries queries;

	private final AccountManagement accounts;

	private final MessageSource messages;

	RegionController(AccountQueries queries, AccountManagement accounts, MessageSource messages) {
		this.queries = queries;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/regions")
	String list(Model model) {
		return page(model, new RegionForm("", "", null, ""), FormErrors.none());
	}

	@PostMapping("/regions")
	String create(RegionForm form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.accounts.createRegion(form.code(), form.name(), form.level(), form.parentCode());
			redirect.addFlashAttribute("banner", "region.created");
			return "redirect:/regions";
		}
		catch (RuleViolation ex) {
			return page(model, form, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String page(Model model, RegionForm form, FormErrors errors) {
		model.addAttribute("regions", this.queries.regions());
		model.addAttribute("regionNames", this.queries.regionNames());
		model.addAttribute("levels", RegionLevel.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "accounts/regions";
	}

	/** What the region form submits. */
	record RegionForm(String code, String name, RegionLevel level, String parentCode) {
	}

}
