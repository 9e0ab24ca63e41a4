package org.ducha.petitions.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ducha.accounts.AccountQueries;
import org.ducha.deadlines.ClockState;
import org.ducha.petitions.Completion;
import org.ducha.petitions.Ledger;
import org.ducha.petitions.LedgerFilter;
import org.ducha.petitions.LedgerPage;
import org.ducha.petitions.LedgerSort;
import org.ducha.petitions.PetitionStatus;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Verdict;
import org.ducha.rounds.Batch;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundQueries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ledger page: filters in the URL, a count, one keyset page of the table, and links
 * to sort, page and export exactly this view. With htmx, a change of filter swaps only
 * the results.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class LedgerController {

	private final Ledger ledger;

	private final RoundQueries rounds;

	private final AccountQueries accounts;

	LedgerController(Ledger ledger, RoundQueries rounds, AccountQueries accounts) {
		this.ledger = ledger;
		this.rounds = rounds;
		this.accounts = accounts;
	}

	@GetMapping("/ledger")
	String ledger(LedgerFilter filter, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		LedgerSort order = LedgerSort.of(sort, dir);
		LedgerPage page = this.ledger.page(filter, order, after, before);
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("count", this.ledger.count(filter));
		model.addAttribute("links", new Links(filter, order, page));
		if (htmx != null) {
			return "petitions/ledger :: results";
		}
		Map<Round, List<Batch>> batches = new LinkedHashMap<>();
		for (Round round : this.rounds.rounds()) {
			batches.put(round, this.rounds.batches(round.id()));
		}
		model.addAttribute("batches", batches);
		model.addAttribute("regions", this.accounts.regions());
		model.addAttribute("units", this.accounts.allUnits());
		model.addAttribute("pollutionTypes", PollutionType.values());
		model.addAttribute("verdicts", Verdict.values());
		model.addAttribute("completions", Completion.values());
		model.addAttribute("clockStates", ClockState.values());
		model.addAttribute("statuses", PetitionStatus.values());
		return "petitions/ledger";
	}

	/** The links of the page, each keeping the filter. */
	static final class Links {

		private final LedgerFilter filter;

		private final LedgerSort sort;

		private final LedgerPage page;

		Links(LedgerFilter filter, LedgerSort sort, LedgerPage page) {
			this.filter = filter;
			this.sort = sort;
			this.page = page;
		}

		/**
		 * The link of a column heading: this column, the other way round if sorted by it.
		 */
		public String sortBy(String key) {
			LedgerSort toggled = this.sort.toggled(LedgerSort.of(key, null).key());
			return href("/ledger", toggled, null, null);
		}

		/**
		 * {@code ascending}, {@code descending} or {@code null}, for {@code aria-sort}.
		 */
		public String ariaSort(String key) {
			if (!this.sort.key().parameter().equals(key)) {
				return null;
			}
			return this.sort.descending() ? "descending" : "ascending";
		}

		public String first() {
			return this.page.first() ? null : href("/ledger", this.sort, null, null);
		}

		public String previous() {
			return (this.page.previous() != null) ? href("/ledger", this.sort, null, this.page.previous()) : null;
		}

		public String next() {
			return (this.page.next() != null) ? href("/ledger", this.sort, this.page.next(), null) : null;
		}

		public String export() {
			return href("/ledger.xlsx", this.sort, null, null);
		}

		private String href(String path, LedgerSort order, String after, String before) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
			List<Map.Entry<String, String>> parameters = new ArrayList<>(this.filter.asParameters().entrySet());
			parameters.forEach((p) -> uri.queryParam(p.getKey(), p.getValue()));
			uri.queryParam("sort", order.key().parameter()).queryParam("dir", order.direction());
			if (after != null) {
				uri.queryParam("after", after);
			}
			if (before != null) {
				uri.queryParam("before", before);
			}
			return uri.encode().build().toUriString();
		}

	}

}
