package org.ducha.accounts.web;

import java.util.List;

import org.ducha.accounts.SecurityLog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The security log, for the auditor. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class SecurityLogController {

	private static final int PAGE_SIZE = 50;

	private final SecurityLog log;

	SecurityLogController(SecurityLog log) {
		this.log = log;
	}

	@GetMapping("/audit/security-log")
	String page(@RequestParam(required = false) Long before, Model model) {
		List<SecurityLog.Entry> entries = this.log.page(before, PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("next", (entries.size() == PAGE_SIZE) ? entries.get(entries.size() - 1).id() : null);
		return "accounts/security-log";
	}

}
