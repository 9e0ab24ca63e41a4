package org.ducha.accounts.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ducha.accounts.AccountManagement;
import org.ducha.accounts.AccountQueries;
import org.ducha.accounts.Role;
import org.ducha.accounts.UserAccount;
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
 * Accounts: the system administrator creates and changes them and resets passwords; the
 * security administrator grants roles; office, handlers and leaders read the people of
 * their scope.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER','SYSADMIN','SECADMIN')")
class UserController {

	private final AccountQueries queries;

	private final AccountManagement accounts;

	private final JournalQueries journal;

	private final MessageSource messages;

	UserController(AccountQueries queries, AccountManagement accounts, JournalQueries journal, MessageSource messages) {
		this.queries = queries;
		this.accounts = accounts;
		this.journal = journal;
		this.messages = messages;
	}

	@GetMapping("/users")
	String list(Model model) {
		model.addAttribute("users", this.queries.usersInScope());
		return "accounts/users";
	}

	@GetMapping("/users/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("user", this.queries.user(id));
		model.addAttribute("history", this.journal.historyOf("user", id));
		model.addAttribute("secadminExists", this.queries.securityAdministratorExists());
		return "accounts/user";
	}

	@GetMapping("/users/new")
	@PreAuthorize("hasRole('SYSADMIN')")
	String initCreationForm(@RequestParam(required = false) Long unit, Model model) {
		return form(model, null, new UserForm("", "", unit, "", true, 0L), FormErrors.none());
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('SYSADMIN')")
	String processCreationForm(UserForm form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			long id = this.accounts.createUser(form.login(), form.displayName(),
					(form.unitId() != null) ? form.unitId() : -1, form.password());
			redirect.addFlashAttribute("banner", "user.created");
			return "redirect:/users/" + id;
		}
		catch (RuleViolation ex) {
			return form(model, null, form.withoutPassword(), FormErrors.of(ex, this.messages, locale));
		}
	}

	@GetMapping("/users/{id}/edit")
	@PreAuthorize("hasRole('SYSADMIN')")
	String initUpdateForm(@PathVariable long id, Model model) {
		UserAccount user = this.queries.user(id);
		return form(model, user,
				new UserForm(user.login(), user.displayName(), user.unitId(), "", user.enabled(), user.version()),
				FormErrors.none());
	}

	@PostMapping("/users/{id}")
	@PreAuthorize("hasRole('SYSADMIN')")
	String processUpdateForm(@PathVariable long id, UserForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.accounts.updateUser(id, (form.version() != null) ? form.version() : -1, form.displayName(),
					(form.unitId() != null) ? form.unitId() : -1, Boolean.TRUE.equals(form.enabled()));
			redirect.addFlashAttribute("banner", "user.saved");
			return "redirect:/users/" + id;
		}
		catch (RuleViolation ex) {
			return form(model, this.queries.user(id), form, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String form(Model model, UserAccount existing, UserForm form, FormErrors errors) {
		model.addAttribute("existing", existing);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("units", this.queries.unitsInScope());
		return "accounts/user-form";
	}

	@PostMapping("/users/{id}/password")
	@PreAuthorize("hasRole('SYSADMIN')")
	String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			this.accounts.resetPassword(id, password);
			redirect.addFlashAttribute("banner", "user.passwordReset");
			return "redirect:/users/" + id;
		}
		catch (RuleViolation ex) {
			model.addAttribute("passwordErrors", FormErrors.of(ex, this.messages, locale));
			return show(id, model);
		}
	}

	@GetMapping("/users/{id}/roles")
	@PreAuthorize("hasRole('SECADMIN')")
	String initRolesForm(@PathVariable long id, Model model) {
		return rolesForm(model, this.queries.user(id), FormErrors.none());
	}

	@PostMapping("/users/{id}/roles")
	@PreAuthorize("hasRole('SECADMIN')")
	String processRolesForm(@PathVariable long id, @RequestParam(required = false) List<Role> roles,
			@RequestParam long version, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Set<Role> granted = (roles == null || roles.isEmpty()) ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
			this.accounts.grantRoles(id, version, granted);
			redirect.addFlashAttribute("banner", "user.rolesGranted");
			return "redirect:/users/" + id;
		}
		catch (RuleViolation ex) {
			model.addAttribute("chosen", (roles != null) ? Set.copyOf(roles) : Set.of());
			return rolesForm(model, this.queries.user(id), FormErrors.of(ex, this.messages, locale));
		}
	}

	private String rolesForm(Model model, UserAccount user, FormErrors errors) {
		model.addAttribute("user", user);
		model.addAttribute("roles", Role.values());
		model.addAttribute("errors", errors);
		return "accounts/user-roles";
	}

	@PostMapping("/users/{id}/first-security-administrator")
	@PreAuthorize("hasRole('SYSADMIN')")
	String designateFirstSecurityAdministrator(@PathVariable long id, @RequestParam long version, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			this.accounts.designateFirstSecurityAdministrator(id, version);
			redirect.addFlashAttribute("banner", "user.secadminDesignated");
		}
		catch (RuleViolation ex) {
			redirect.addFlashAttribute("bannerError", FormErrors.of(ex, this.messages, locale).all().get(0).message());
		}
		return "redirect:/users/" + id;
	}

	/** What the user forms submit. */
	record UserForm(String login, String displayName, Long unitId, String password, Boolean enabled, Long version) {

		UserForm withoutPassword() {
			return new UserForm(this.login, this.displayName, this.unitId, "", this.enabled, this.version);
		}

	}

}
