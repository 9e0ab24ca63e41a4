package org.ducha.journal.web;

import java.util.List;

import org.ducha.journal.JournalEntry;
import org.ducha.journal.JournalQueries;
import org.ducha.journal.JournalVerifier;
import org.ducha.journal.Verification;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's view of the journal, and the button that verifies the chain. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class JournalController {

	private static final int PAGE_SIZE = 50;

	private final JournalQueries journal;

	private final JournalVerifier verifier;

	JournalController(JournalQueries journal, JournalVerifier verifier) {
		this.journal = journal;
		this.verifier = verifier;
	}

	@GetMapping("/audit/journal")
	String journal(@RequestParam(required = false) Long before, Model model) {
		List<JournalEntry> entries = this.journal.page(before, PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("next", (entries.size() == PAGE_SIZE) ? entries.get(entries.size() - 1).seq() : null);
		return "journal/journal";
	}

	@PostMapping("/audit/journal/verify")
	String verify(Model model) {
		Verification verification = this.verifier.verify();
		model.addAttribute("verification", verification);
		return journal(null, model);
	}

}
