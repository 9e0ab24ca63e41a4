package org.ducha.web;

import java.util.Comparator;
import java.util.List;

import org.ducha.shared.SignedInUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: for staff, who you are, in which unit, with which roles, and what you
 * can do here; for a visitor, the public home.
 */
@Controller
class HomeController {

	/** The public home, which the disclosure feature serves. */
	static final String PUBLIC_HOME = "/public";

	/**
	 * The order in which roles are listed: the office's work first, the three admins
	 * last.
	 */
	private static final List<String> ROLE_ORDER = List.of("OFFICE", "HANDLER", "LEADER", "AUDITOR", "SYSADMIN",
			"SECADMIN");

	/**
	 * The staff home for someone signed in; for a visitor, the public home (published
	 * information, no sign-in), under the address they typed.
	 */
	@GetMapping("/")
	String showHome(@AuthenticationPrincipal SignedInUser user, Model model) {
		if (user == null) {
			return "forward:" + PUBLIC_HOME;
		}
		model.addAttribute("roles", rolesInOrder(user));
		return "home";
	}

	private static List<String> rolesInOrder(SignedInUser user) {
		return user.roleNames()
			.stream()
			.filter(ROLE_ORDER::contains)
			.sorted(Comparator.comparingInt(ROLE_ORDER::indexOf))
			.toList();
	}

}
