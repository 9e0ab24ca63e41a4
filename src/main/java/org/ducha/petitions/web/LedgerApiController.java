package org.ducha.petitions.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.ducha.deadlines.ClockState;
import org.ducha.petitions.Channel;
import org.ducha.petitions.Completion;
import org.ducha.petitions.Ledger;
import org.ducha.petitions.LedgerFilter;
import org.ducha.petitions.LedgerPage;
import org.ducha.petitions.LedgerRow;
import org.ducha.petitions.LedgerSort;
import org.ducha.petitions.PetitionStatus;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.ducha.petitions.Verdict;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The petition ledger (台账) as JSON: the same query parameters as the {@code /ledger}
 * page, bound to the same filter and sort, and the same scope: a handler reads only the
 * cases its units take part in. One keyset page at a time, with the cursors of the pages
 * either side; the count only when asked, since it costs a query of its own.
 */
@RestController
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class LedgerApiController {

	private final Ledger ledger;

	LedgerApiController(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/api/ledger")
	LedgerJson ledger(LedgerFilter filter, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before, @RequestParam(defaultValue = "false") boolean count) {
		LedgerSort order = LedgerSort.of(sort, dir);
		LedgerPage page = this.ledger.page(filter, order, after, before);
		return new LedgerJson(page.rows().stream().map(RowJson::of).toList(), page.next(), page.previous(),
				order.key().parameter(), order.direction(), count ? this.ledger.count(filter) : null);
	}

	/**
	 * One page of the ledger.
	 *
	 * @param next the {@code after} cursor of the next page, or {@code null} on the last
	 * @param prev the {@code before} cursor of the previous page, or {@code null} on the
	 * first
	 * @param count how many cases the filter matches, when asked with {@code count=true}
	 */
	record LedgerJson(List<RowJson> rows, String next, String prev, String sort, String dir, Long count) {
	}

	/**
	 * One case of the ledger; never the complainant, and the complaint with personal
	 * numbers masked for everybody but the office.
	 *
	 * @param clockState the most urgent running clock's state read now, or {@code null}
	 * when none runs
	 * @param clockYearsNotLoaded the years whose working calendar was missing when a
	 * running clock's due instant was computed; empty when none
	 */
	record RowJson(long id, String receiptNumber, Integer batchNumber, Instant transferredAt, Channel channel,
			Priority priority, List<String> districts, Set<PollutionType> pollutionTypes, String complaint,
			String leadUnit, PetitionStatus status, Verdict verdict, Completion completion, ClockState clockState,
			Instant clockDueAt, List<Integer> clockYearsNotLoaded) {

		static RowJson of(LedgerRow r) {
			return new RowJson(r.id(), r.receiptNumber(), r.batchNumber(), r.transferredAt(), r.channel(), r.priority(),
					r.districts(), r.pollutionTypes(), r.complaint(), r.leadUnit(), r.status(), r.verdict(),
					r.completion(), r.shownClockState(), r.clockDueAt(), r.clockYearsNotLoaded());
		}

	}

}
