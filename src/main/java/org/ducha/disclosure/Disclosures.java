package org.ducha.disclosure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ducha.accounts.AccountQueries;
import org.ducha.journal.Journal;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.PublishableCase;
import org.ducha.rounds.Batch;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.PersonalNumbers;
import org.ducha.shared.RuleViolation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds and publishes the disclosure table of a batch. Only approved cases appear; the
 * complainant never does (the read model does not carry them); every phone, ID-card and
 * bank-card number in any text is redacted. The office sees the redactions before it
 * publishes; a published version never changes, a correction is a new version with a note
 * saying what changed.
 */
@Service
@Transactional
public class Disclosures {

	private final DisclosureStore store;

	private final PetitionQueries petitions;

	private final RoundQueries rounds;

	private final AccountQueries accounts;

	private final Journal journal;

	private final Clock clock;

	Disclosures(DisclosureStore store, PetitionQueries petitions, RoundQueries rounds, AccountQueries accounts,
			Journal journal, Clock clock) {
		this.store = store;
		this.petitions = petitions;
		this.rounds = rounds;
		this.accounts = accounts;
		this.journal = journal;
		this.clock = clock;
	}

	/** What publishing the batch now would publish; the office only. */
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional(readOnly = true)
	public TableDraft draft(long batchId) {
		Batch batch = this.rounds.batch(batchId);
		Round round = this.rounds.round(batch.roundId());
		Map<String, String> regionNames = this.accounts.regionNames();
		List<PublishableCase> cases = this.petitions.publishable(batchId);
		List<DisclosureRow> rows = new ArrayList<>();
		List<Redaction> redactions = new ArrayList<>();
		int number = 0;
		for (PublishableCase c : cases) {
			rows.add(new DisclosureRow(++number, c.receiptNumber(),
					redact(c, "disclosure.column.complaint", c.complaint(), redactions),
					c.regionCodes()
						.stream()
						.map((code) -> regionNames.getOrDefault(code, code))
						.collect(Collectors.joining("、")),
					c.pollutionTypes().stream().sorted().map(PollutionType::term).collect(Collectors.joining("、")),
					redact(c, "disclosure.column.findings", c.findings(), redactions),
					(c.verdict() != null) ? c.verdict().term() : "",
					redact(c, "disclosure.column.handling", c.handling(), redactions),
					redact(c, "disclosure.column.accountability", c.accountability(), redactions)));
		}
		List<String> pending = this.petitions.notYetPublishable(batchId);
		PublishedTable latest = this.store.latest(batchId).orElse(null);
		TableChanges changes = TableChanges.between((latest != null) ? latest.rows() : List.of(), rows);
		return new TableDraft(batchId, title(round, batch), rows, redactions, pending,
				(latest != null) ? latest.version() : 0, changes);
	}

	/**
	 * Publishes the batch's table as a new version.
	 * @param baseVersion the version the office previewed against (0 for the first), so
	 * that two people publishing at once do not both succeed
	 * @param changeNote what this version corrects; required for every version after the
	 * first
	 * @return the id of the published table
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public long publish(long batchId, int baseVersion, String changeNote) {
		TableDraft draft = draft(batchId);
		if (draft.baseVersion() != baseVersion) {
			throw new EditConflict(draft.title());
		}
		if (draft.rows().isEmpty()) {
			throw new RuleViolation("disclosure.nothingApproved");
		}
		String note = (changeNote != null && !changeNote.isBlank()) ? changeNote.strip() : null;
		if (draft.baseVersion() > 0) {
			if (draft.changes().none()) {
				throw new RuleViolation("disclosure.unchanged", draft.baseVersion());
			}
			if (note == null) {
				throw new InvalidInput(
						List.of(new InvalidInput.Problem("changeNote", "disclosure.changeNote.required")));
			}
		}
		if (note != null && note.length() > 1000) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("changeNote", "form.tooLong", 1000)));
		}
		Batch batch = this.rounds.batch(batchId);
		int version = draft.baseVersion() + 1;
		long id = this.store.insert(batch.roundId(), batchId, version, draft.title(), draft.rows(), note,
				CurrentActor.get().login(), this.clock.instant());
		this.journal.record("batch", batchId, "DisclosurePublished",
				Map.of("table", id, "version", version, "rows", draft.rows().size(), "redactions",
						draft.redactions().size(), "added", draft.changes().added(), "changed",
						draft.changes().changed(), "removed", draft.changes().removed()));
		return id;
	}

	/** The latest version of every published table; public. */
	@Transactional(readOnly = true)
	public List<PublishedTable> published() {
		return this.store.latestOfEachBatch();
	}

	/** A published version; public. */
	@Transactional(readOnly = true)
	public PublishedTable table(long id) {
		return this.store.table(id).orElseThrow(() -> new NotFound("disclosure", id));
	}

	/** Every version of a batch's table, newest first; public. */
	@Transactional(readOnly = true)
	public List<PublishedTable> versions(long batchId) {
		return this.store.versions(batchId);
	}

	/** What a version changed against the one before it; public. */
	@Transactional(readOnly = true)
	public TableChanges changes(PublishedTable table) {
		List<DisclosureRow> before = (table.version() > 1)
				? this.store.version(table.batchId(), table.version() - 1).map(PublishedTable::rows).orElse(List.of())
				: List.of();
		return TableChanges.between(before, table.rows());
	}

	private static String title(Round round, Batch batch) {
		return round.name() + " 第" + batch.number() + "批 边督边改公开情况一览表";
	}

	private static String redact(PublishableCase c, String column, String text, List<Redaction> redactions) {
		if (text == null) {
			return "";
		}
		for (PersonalNumbers.Found found : PersonalNumbers.find(text)) {
			redactions
				.add(new Redaction(c.receiptNumber(), column, found.value(), PersonalNumbers.redact(found.value())));
		}
		return PersonalNumbers.redact(text);
	}

}
