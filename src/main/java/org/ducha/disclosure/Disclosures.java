package org.ducha.disclosure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
 * complainant never does (the read model does not carry them); every personal number in
 * any text (phone, ID-card and bank-card numbers, e-mail addresses, licence plates, QQ
 * and WeChat) is redacted. The office sees every redaction before it publishes, may keep
 * a number that is not personal and may hide words by hand, each with a reason; these
 * decisions apply to every version published after them. A published version never
 * changes, a correction is a new version with a note saying what changed.
 */
@Service
@Transactional
public class Disclosures {

	private final DisclosureStore store;

	private final DecisionStore decisions;

	private final PetitionQueries petitions;

	private final RoundQueries rounds;

	private final AccountQueries accounts;

	private final Journal journal;

	private final Clock clock;

	Disclosures(DisclosureStore store, DecisionStore decisions, PetitionQueries petitions, RoundQueries rounds,
			AccountQueries accounts, Journal journal, Clock clock) {
		this.store = store;
		this.decisions = decisions;
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
		List<DisclosureDecision> decided = this.decisions.ofBatch(batchId);
		Map<Long, Integer> applied = new HashMap<>();
		List<DisclosureRow> rows = new ArrayList<>();
		List<Redaction> redactions = new ArrayList<>();
		int number = 0;
		for (PublishableCase c : cases) {
			Map<TextColumn, String> shown = new EnumMap<>(TextColumn.class);
			for (TextColumn column : TextColumn.values()) {
				ColumnRedaction redaction = ColumnRedaction.of(c.receiptNumber(), column, text(c, column),
						decided.stream()
							.filter((d) -> d.petitionId() == c.petitionId() && d.column() == column)
							.toList());
				shown.put(column, redaction.shown());
				redactions.addAll(redaction.redactions());
				redaction.applied().forEach((id, times) -> applied.merge(id, times, Integer::sum));
			}
			rows.add(new DisclosureRow(++number, c.receiptNumber(), shown.get(TextColumn.COMPLAINT),
					c.regionCodes()
						.stream()
						.map((code) -> regionNames.getOrDefault(code, code))
						.collect(Collectors.joining("、")),
					c.pollutionTypes().stream().sorted().map(PollutionType::term).collect(Collectors.joining("、")),
					shown.get(TextColumn.FINDINGS), (c.verdict() != null) ? c.verdict().term() : "",
					shown.get(TextColumn.HANDLING), shown.get(TextColumn.ACCOUNTABILITY)));
		}
		List<String> pending = this.petitions.notYetPublishable(batchId);
		PublishedTable latest = this.store.latest(batchId).orElse(null);
		TableChanges changes = TableChanges.between((latest != null) ? latest.rows() : List.of(), rows);
		return new TableDraft(batchId, title(round, batch), rows, redactions,
				decided.stream().map((d) -> d.applied(applied.getOrDefault(d.id(), 0))).toList(), pending,
				(latest != null) ? latest.version() : 0, changes);
	}

	/**
	 * Keeps a number found automatically in clear in every version published from now on,
	 * because it is not personal (a report number, the office's own hotline). Journaled
	 * with the number and the reason.
	 * @param receiptNumber the case, one of the draft's rows
	 * @param column the row field the number is in ({@code complaint}, {@code findings},
	 * {@code handling}, {@code accountability})
	 * @param number the number exactly as the draft lists it
	 * @param reason why it is not personal
	 * @return the decision, with how often it applies
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public DisclosureDecision keepNumber(long batchId, String receiptNumber, String column, String number,
			String reason) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		PublishableCase c = caseOf(batchId, receiptNumber, problems);
		TextColumn where = columnOf(column, problems);
		String why = reason(reason, problems);
		PersonalNumbers.Found found = null;
		if (c != null && where != null) {
			if (number == null || number.isEmpty()) {
				problems.add("number", "disclosure.keep.number.required");
			}
			else {
				found = PersonalNumbers.find(text(c, where))
					.stream()
					.filter((f) -> f.value().equals(number))
					.findFirst()
					.orElse(null);
				if (found == null) {
					problems.add("number", "disclosure.keep.number.notFound", number);
				}
			}
		}
		problems.throwIfAny();
		return decide(batchId, c, where, DisclosureDecision.Action.KEEP, number, why, "disclosure.keep.already",
				"DisclosureNumberKept", Map.of("kind", found.kind().name(), "number", number));
	}

	/**
	 * Hides words that are personal but no number (a name, an address) wherever they
	 * occur in one column of one case, in every version published from now on. Journaled
	 * with the reason and the length of the words, never the words themselves: the
	 * journal is kept for ever.
	 * @param text the words exactly as written in the column
	 * @param reason why they must not be published
	 * @return the decision, with how often it applies
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public DisclosureDecision redactByHand(long batchId, String receiptNumber, String column, String text,
			String reason) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		PublishableCase c = caseOf(batchId, receiptNumber, problems);
		TextColumn where = columnOf(column, problems);
		String why = reason(reason, problems);
		String words = (text != null) ? text.strip() : "";
		if (words.isEmpty()) {
			problems.add("text", "disclosure.redact.text.required");
		}
		else if (words.length() > 200) {
			problems.add("text", "form.tooLong", 200);
		}
		else if (c != null && where != null && !text(c, where).contains(words)) {
			problems.add("text", "disclosure.redact.text.notFound", words);
		}
		problems.throwIfAny();
		return decide(batchId, c, where, DisclosureDecision.Action.REDACT, words, why, "disclosure.redact.already",
				"DisclosureTextRedacted", Map.of("characters", words.length()));
	}

	/**
	 * Withdraws a decision: a kept number is hidden again, words hidden by hand are shown
	 * again, from the next version on. What was published stays as it was.
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public void withdrawDecision(long batchId, long decisionId) {
		DisclosureDecision decision = this.decisions.find(batchId, decisionId)
			.orElseThrow(() -> new NotFound("disclosureDecision", decisionId));
		if (!this.decisions.delete(decisionId)) {
			throw new NotFound("disclosureDecision", decisionId);
		}
		this.journal.record("batch", batchId, "DisclosureDecisionWithdrawn",
				Map.of("decision", decisionId, "action", decision.action().name(), "receiptNumber",
						decision.receiptNumber(), "column", decision.column().field()));
	}

	/** One of the batch's decisions, with how often it applies now; the office only. */
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional(readOnly = true)
	public DisclosureDecision decision(long batchId, long decisionId) {
		return draft(batchId).decisions()
			.stream()
			.filter((d) -> d.id() == decisionId)
			.findFirst()
			.orElseThrow(() -> new NotFound("disclosureDecision", decisionId));
	}

	private DisclosureDecision decide(long batchId, PublishableCase c, TextColumn column,
			DisclosureDecision.Action action, String written, String reason, String duplicate, String event,
			Map<String, ?> facts) {
		boolean taken = this.decisions.ofBatch(batchId)
			.stream()
			.anyMatch((d) -> d.petitionId() == c.petitionId() && d.column() == column && d.action() == action
					&& d.written().equals(written));
		if (taken) {
			throw new RuleViolation(duplicate);
		}
		long id = this.decisions.insert(batchId, c.petitionId(), c.receiptNumber(), column, action, written, reason,
				CurrentActor.get().login(), this.clock.instant(), duplicate);
		Map<String, Object> data = new HashMap<>(facts);
		data.put("decision", id);
		data.put("receiptNumber", c.receiptNumber());
		data.put("column", column.field());
		data.put("reason", reason);
		this.journal.record("batch", batchId, event, data);
		return decision(batchId, id);
	}

	private PublishableCase caseOf(long batchId, String receiptNumber, InvalidInput.Collector problems) {
		this.rounds.batch(batchId);
		if (receiptNumber == null || receiptNumber.isBlank()) {
			problems.add("receiptNumber", "disclosure.decision.case.required");
			return null;
		}
		PublishableCase c = this.petitions.publishable(batchId)
			.stream()
			.filter((p) -> p.receiptNumber().equals(receiptNumber.strip()))
			.findFirst()
			.orElse(null);
		if (c == null) {
			problems.add("receiptNumber", "disclosure.decision.case.notInTable", receiptNumber.strip());
		}
		return c;
	}

	private static TextColumn columnOf(String field, InvalidInput.Collector problems) {
		TextColumn column = TextColumn.ofField(field);
		if (column == null) {
			problems.add("column", "disclosure.decision.column.unknown", String.valueOf(field));
		}
		return column;
	}

	private static String reason(String reason, InvalidInput.Collector problems) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			problems.add("reason", "disclosure.decision.reason.required");
		}
		else if (why.length() > 1000) {
			problems.add("reason", "form.tooLong", 1000);
		}
		return why;
	}

	private static String text(PublishableCase c, TextColumn column) {
		String text = switch (column) {
			case COMPLAINT -> c.complaint();
			case FINDINGS -> c.findings();
			case HANDLING -> c.handling();
			case ACCOUNTABILITY -> c.accountability();
		};
		return (text != null) ? text : "";
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
						draft.redactions().size(), "kept", draft.kept().size(), "byHand", draft.hiddenByHand().size(),
						"added", draft.changes().added(), "changed", draft.changes().changed(), "removed",
						draft.changes().removed()));
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

}
