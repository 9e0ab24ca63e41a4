package org.ducha.accounts.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ducha.accounts.AccountManagement;
import org.ducha.accounts.AccountSessions;
import org.ducha.shared.FormErrors;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Changing one's own password, which is forced at first sign-in. */
@Controller
@PreAuthorize("isAuthenticated()")
class PasswordController {

	private final AccountManagement accounts;

	private final AccountSessions sessions;

	private final MessageSource messages;

	PasswordController(AccountManagement accounts, AccountSessions sessions, MessageSource messages) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.messages = messages;
	}

	@GetMapping("/password")
	String form(Model model) {
		model.addAttribute("errors", FormErrors.none());
		return "accounts/password";
	}

	@PostMapping("/password")
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmation,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.accounts.changeOwnPassword(currentPassword, newPassword, confirmation);
		}
		catch (RuleViolation ex) {
			model.addAttribute("errors", FormErrors.of(ex, this.messages, locale));
			return "accounts/password";
		}
		this.sessions.refreshSignedInUser(request, response);
		redirect.addFlashAttribute("banner", "password.changed");
		return "redirect:/";
	}

}
