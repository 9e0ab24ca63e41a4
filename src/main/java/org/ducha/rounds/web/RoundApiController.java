package org.ducha.rounds.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.ducha.accounts.AccountQueries;
import org.ducha.rounds.Batch;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.InvalidInput;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rounds and their batches as JSON: staff who handle or watch cases read them, the office
 * creates and changes them, exactly as on the pages. Receiving a batch starts its cases'
 * clocks and so belongs to the petitions feature's API.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class RoundApiController {

	private final RoundQueries queries;

	private final RoundManagement rounds;

	private final AccountQueries accounts;

	RoundApiController(RoundQueries queries, RoundManagement rounds, AccountQueries accounts) {
		this.queries = queries;
		this.rounds = rounds;
		this.accounts = accounts;
	}

	@GetMapping("/rounds")
	List<RoundJson> rounds() {
		Map<String, String> regions = this.accounts.regionNames();
		return this.queries.rounds().stream().map((r) -> RoundJson.of(r, regions)).toList();
	}

	@GetMapping("/rounds/{id}")
	RoundJson round(@PathVariable long id) {
		return RoundJson.of(this.queries.round(id), this.accounts.regionNames());
	}

	/**
	 * Creates a round; a policy left out takes the default the creation form offers (24
	 * hours to receive, noon of day 5 to report, 6 hours to supplement).
	 */
	@PostMapping("/rounds")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<RoundJson> create(@RequestBody RoundRequest request) {
		long id = this.rounds.createRound(request.withDefaultPolicies().draft());
		return ResponseEntity.created(URI.create("/api/rounds/" + id)).body(round(id));
	}

	/** Changes a round: every field as on the edit form, and the version last read. */
	@PutMapping("/rounds/{id}")
	@PreAuthorize("hasRole('OFFICE')")
	RoundJson update(@PathVariable long id, @RequestBody RoundRequest request) {
		if (request.version() == null) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("version", "api.version.required")));
		}
		this.rounds.updateRound(id, request.version(), request.draft());
		return round(id);
	}

	@GetMapping("/rounds/{id}/batches")
	List<Batch> batches(@PathVariable long id) {
		this.queries.round(id);
		return this.queries.batches(id);
	}

	@PostMapping("/rounds/{id}/batches")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<Batch> createBatch(@PathVariable long id, @RequestBody BatchRequest request) {
		Instant transferredAt = (request.transferredAt() != null) ? request.transferredAt().toInstant() : null;
		long batchId = this.rounds.createBatch(id, request.number(), transferredAt);
		return ResponseEntity.created(URI.create("/api/batches/" + batchId)).body(this.queries.batch(batchId));
	}

	@GetMapping("/batches/{id}")
	Batch batch(@PathVariable long id) {
		return this.queries.batch(id);
	}

	/**
	 * A round as the API shows it, with its policies in the text form the edit form uses
	 * (e.g. {@code DAY_N 5 12:00}).
	 */
	record RoundJson(long id, String name, RoundLevel level, String team, String regionCode, String regionName,
			LocalDate stationedFrom, LocalDate stationedTo, String hotline, String receiptPolicy, String reportPolicy,
			String keyReportPolicy, String supplementPolicy, long version) {

		static RoundJson of(Round round, Map<String, String> regionNames) {
			return new RoundJson(round.id(), round.name(), round.level(), round.team(), round.regionCode(),
					regionNames.getOrDefault(round.regionCode(), round.regionCode()), round.stationedFrom(),
					round.stationedTo(), round.hotline(), round.receiptPolicy().toString(),
					round.reportPolicy().toString(), round.keyReportPolicy().toString(),
					round.supplementPolicy().toString(), round.version());
		}

	}

	/**
	 * What a client sends to create or change a round; {@code version} only to change.
	 */
	record RoundRequest(String name, RoundLevel level, String team, String regionCode, LocalDate stationedFrom,
			LocalDate stationedTo, String hotline, String receiptPolicy, String reportPolicy, String keyReportPolicy,
			String supplementPolicy, Long version) {

		RoundRequest withDefaultPolicies() {
			RoundDraft defaults = RoundDraft.withDefaultPolicies(this.name, this.level, this.team, this.regionCode,
					this.stationedFrom, this.stationedTo, this.hotline);
			return new RoundRequest(this.name, this.level, this.team, this.regionCode, this.stationedFrom,
					this.stationedTo, this.hotline, or(this.receiptPolicy, defaults.receiptPolicy()),
					or(this.reportPolicy, defaults.reportPolicy()),
					or(this.keyReportPolicy, defaults.keyReportPolicy()),
					or(this.supplementPolicy, defaults.supplementPolicy()), this.version);
		}

		RoundDraft draft() {
			return new RoundDraft(trim(this.name), this.level, trim(this.team), this.regionCode, this.stationedFrom,
					this.stationedTo, trim(this.hotline), trim(this.receiptPolicy), trim(this.reportPolicy),
					trim(this.keyReportPolicy), trim(this.supplementPolicy));
		}

		private static String or(String given, String fallback) {
			return (given != null) ? given : fallback;
		}

		private static String trim(String value) {
			return (value != null) ? value.strip() : null;
		}

	}

	/** A new batch: its number and when the team transferred it, with its offset. */
	record BatchRequest(Integer number, OffsetDateTime transferredAt) {
	}

}
