package org.ducha.petitions.web;

import java.util.List;

import org.ducha.accounts.AccountQueries;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.WorkQueue;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** My work: the reader's due-soon and overdue queue. */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class WorkController {

	private final WorkQueue queue;

	private final PetitionQueries petitions;

	private final AccountQueries accounts;

	WorkController(WorkQueue queue, PetitionQueries petitions, AccountQueries accounts) {
		this.queue = queue;
		this.petitions = petitions;
		this.accounts = accounts;
	}

	@GetMapping("/work")
	String show(Model model) {
		List<Petition> cases = this.queue.mine();
		model.addAttribute("cases", cases);
		model.addAttribute("assignments", this.petitions.assignments(cases.stream().map(Petition::id).toList()));
		model.addAttribute("regionNames", this.accounts.regionNames());
		model.addAttribute("office", this.petitions.readerIsOffice());
		if (this.petitions.readerIsOffice()) {
			model.addAttribute("transferRequests", this.petitions.pendingTransferRequests());
			model.addAttribute("unitNames", this.accounts.unitNames());
		}
		return "petitions/work";
	}

}
