package org.ducha.rounds;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ducha.accounts.AccountQueries;
import org.ducha.deadlines.DeadlinePolicy;
import org.ducha.journal.Journal;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.RuleViolation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes rounds and their batches. Only the inspection office does this.
 */
@Service
@Transactional
public class RoundManagement {

	private static final int MAX_BATCH = 999;

	private final RoundStore store;

	private final AccountQueries accounts;

	private final Journal journal;

	private final Clock clock;

	RoundManagement(RoundStore store, AccountQueries accounts, Journal journal, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * Creates a round.
	 * @return the new round's id
	 * @throws InvalidInput naming every field that is wrong
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public long createRound(RoundDraft draft) {
		validate(draft);
		long id = this.store.insertRound(draft, this.clock.instant());
		this.journal.record("round", id, "RoundCreated", facts(draft));
		return id;
	}

	/**
	 * Changes a round. New policies apply to cases received from now on; running clocks
	 * keep the policy they started with.
	 * @throws EditConflict if someone changed the round since {@code version} was read
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void updateRound(long id, long version, RoundDraft draft) {
		this.store.round(id).orElseThrow(() -> new NotFound("round", id));
		validate(draft);
		if (!this.store.updateRound(id, version, draft)) {
			throw new EditConflict("round");
		}
		this.journal.record("round", id, "RoundChanged", facts(draft));
	}

	/**
	 * Records that the team transferred batch {@code number} at {@code transferredAt}.
	 * @return the new batch's id
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public long createBatch(long roundId, Integer number, Instant transferredAt) {
		this.store.round(roundId).orElseThrow(() -> new NotFound("round", roundId));
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (number == null || number < 1 || number > MAX_BATCH) {
			problems.add("number", "batch.number.invalid", MAX_BATCH);
		}
		else if (this.store.batchNumberTaken(roundId, number)) {
			problems.add("number", "batch.number.taken", number);
		}
		if (transferredAt == null) {
			problems.add("transferredAt", "batch.transferredAt.required");
		}
		else if (transferredAt.isAfter(this.clock.instant())) {
			problems.add("transferredAt", "batch.transferredAt.future");
		}
		problems.throwIfAny();
		long id = this.store.insertBatch(roundId, number, transferredAt);
		this.journal.record("batch", id, "BatchCreated",
				Map.of("round", roundId, "number", number, "transferredAt", transferredAt.toString()));
		return id;
	}

	/**
	 * Marks a batch as received (签收) now. Called by the petitions feature, which starts
	 * the cases' report clocks in the same transaction.
	 * @return the batch as received
	 * @throws RuleViolation {@code batch.alreadyReceived} if it was received before
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public Batch markReceived(long batchId) {
		Batch batch = this.store.batchForUpdate(batchId).orElseThrow(() -> new NotFound("batch", batchId));
		Instant now = this.clock.instant();
		String login = org.ducha.shared.CurrentActor.get().login();
		if (batch.received() || !this.store.markReceived(batchId, now, login)) {
			throw new RuleViolation("batch.alreadyReceived", batch.number());
		}
		this.journal.record("batch", batchId, "BatchReceived", Map.of("receivedAt", now.toString()));
		return this.store.batch(batchId).orElseThrow();
	}

	private void validate(RoundDraft draft) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		required(problems, "name", draft.name(), 128);
		if (draft.level() == null) {
			problems.add("level", "round.level.required");
		}
		required(problems, "team", draft.team(), 128);
		if (draft.regionCode() == null
				|| this.accounts.regions().stream().noneMatch((r) -> r.code().equals(draft.regionCode()))) {
			problems.add("regionCode", "round.region.unknown");
		}
		if (draft.stationedFrom() == null) {
			problems.add("stationedFrom", "round.stationedFrom.required");
		}
		if (draft.stationedTo() == null) {
			problems.add("stationedTo", "round.stationedTo.required");
		}
		else if (draft.stationedFrom() != null && draft.stationedTo().isBefore(draft.stationedFrom())) {
			problems.add("stationedTo", "round.stationedTo.beforeFrom");
		}
		if (draft.hotline() != null && draft.hotline().length() > 64) {
			problems.add("hotline", "form.tooLong", 64);
		}
		policy(problems, "receiptPolicy", draft.receiptPolicy());
		policy(problems, "reportPolicy", draft.reportPolicy());
		policy(problems, "keyReportPolicy", draft.keyReportPolicy());
		policy(problems, "supplementPolicy", draft.supplementPolicy());
		problems.throwIfAny();
	}

	private static void required(InvalidInput.Collector problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(field, "form.required");
		}
		else if (value.length() > max) {
			problems.add(field, "form.tooLong", max);
		}
	}

	private static void policy(InvalidInput.Collector problems, String field, String text) {
		try {
			DeadlinePolicy.parse(text);
		}
		catch (RuleViolation ex) {
			problems.add(field, ex.code(), ex.args());
		}
	}

	private static Map<String, Object> facts(RoundDraft draft) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("name", draft.name());
		facts.put("level", draft.level().name());
		facts.put("team", draft.team());
		facts.put("region", draft.regionCode());
		facts.put("stationed", draft.stationedFrom() + "/" + draft.stationedTo());
		facts.put("receiptPolicy", draft.receiptPolicy());
		facts.put("reportPolicy", draft.reportPolicy());
		facts.put("keyReportPolicy", draft.keyReportPolicy());
		facts.put("supplementPolicy", draft.supplementPolicy());
		return facts;
	}

}
