package org.ducha.disclosure.web;

import java.time.Instant;
import java.util.List;

import org.ducha.disclosure.DisclosureDecision;
import org.ducha.disclosure.DisclosureRow;
import org.ducha.disclosure.Disclosures;
import org.ducha.disclosure.PublishedTable;
import org.ducha.disclosure.Redaction;
import org.ducha.disclosure.TableChanges;
import org.ducha.disclosure.TableDraft;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A batch's disclosure table (边督边改公开情况一览表) as JSON: the office reads what publishing
 * would publish, with everything that will be hidden, keeps a number that is not personal
 * or hides words by hand (each with a reason), and publishes it against the version it
 * read; anyone, without signing in, reads a published version, which never holds the
 * complainant nor an unredacted number.
 */
@RestController
class DisclosureApiController {

	private final Disclosures disclosures;

	DisclosureApiController(Disclosures disclosures) {
		this.disclosures = disclosures;
	}

	@GetMapping("/api/batches/{id}/disclosure")
	@PreAuthorize("hasRole('OFFICE')")
	DraftJson draft(@PathVariable long id) {
		TableDraft draft = this.disclosures.draft(id);
		return new DraftJson(draft.batchId(), draft.title(), draft.baseVersion(), draft.rows(),
				draft.redactions().stream().map(RedactionJson::of).toList(),
				draft.decisions().stream().map(DecisionJson::of).toList(), draft.notYetApproved(), draft.changes());
	}

	/** Keeps a number found automatically in clear: it is not personal. */
	@PostMapping("/api/batches/{id}/disclosure/kept")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<DecisionJson> keep(@PathVariable long id, @RequestBody KeepBody body) {
		return created(id,
				this.disclosures.keepNumber(id, body.receiptNumber(), body.column(), body.number(), body.reason()));
	}

	/** Hides words by hand (a name, an address) wherever they occur in the column. */
	@PostMapping("/api/batches/{id}/disclosure/redactions")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<DecisionJson> redact(@PathVariable long id, @RequestBody RedactBody body) {
		return created(id,
				this.disclosures.redactByHand(id, body.receiptNumber(), body.column(), body.text(), body.reason()));
	}

	@GetMapping("/api/batches/{id}/disclosure/decisions/{decision}")
	@PreAuthorize("hasRole('OFFICE')")
	DecisionJson decision(@PathVariable long id, @PathVariable long decision) {
		return DecisionJson.of(this.disclosures.decision(id, decision));
	}

	/**
	 * Withdraws a decision from the next version on; published versions stay as they are.
	 */
	@DeleteMapping("/api/batches/{id}/disclosure/decisions/{decision}")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable long decision) {
		this.disclosures.withdrawDecision(id, decision);
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<DecisionJson> created(long batchId, DisclosureDecision decision) {
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/api/batches/{id}/disclosure/decisions/{decision}")
				.buildAndExpand(batchId, decision.id())
				.toUri())
			.body(DecisionJson.of(decision));
	}

	/**
	 * Publishes the table as a new version; {@code baseVersion} is the draft's, and a
	 * correction (every version after the first) says what it changes.
	 */
	@PostMapping("/api/batches/{id}/disclosure")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<TableJson> publish(@PathVariable long id, @RequestBody PublishBody body) {
		int baseVersion = (body.baseVersion() != null) ? body.baseVersion() : -1;
		long table = this.disclosures.publish(id, baseVersion, body.changeNote());
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/public/disclosures/{id}.json").buildAndExpand(table).toUri())
			.body(published(table));
	}

	/** A published version; public, like its page. */
	@GetMapping("/public/disclosures/{id}.json")
	@PreAuthorize("permitAll()")
	TableJson published(@PathVariable long id) {
		PublishedTable table = this.disclosures.table(id);
		long latest = this.disclosures.versions(table.batchId()).get(0).id();
		return new TableJson(table.id(), table.batchId(), table.version(), table.title(), table.publishedAt(),
				table.changeNote(), (table.version() > 1) ? this.disclosures.changes(table) : null, latest,
				table.rows());
	}

	/**
	 * @param baseVersion the draft's {@code baseVersion} as last read (0 before the first
	 * publication)
	 * @param changeNote what this version corrects; required after the first
	 */
	record PublishBody(Integer baseVersion, String changeNote) {
	}

	/**
	 * What publishing now would publish.
	 *
	 * @param baseVersion the latest published version, 0 if none: send it back to publish
	 * @param notYetApproved receipt numbers of the batch's cases left out, having no
	 * approved report yet
	 */
	record DraftJson(long batchId, String title, int baseVersion, List<DisclosureRow> rows,
			List<RedactionJson> redactions, List<DecisionJson> decisions, List<String> notYetApproved,
			TableChanges changes) {
	}

	/**
	 * Something publishing will hide.
	 *
	 * @param column the row's field it is in, e.g. {@code complaint}
	 * @param kind {@code MOBILE}, {@code LANDLINE}, {@code ID_CARD}, {@code BANK_CARD},
	 * {@code EMAIL}, {@code LICENCE_PLATE}, {@code QQ}, {@code WECHAT}, or
	 * {@code BY_HAND} for words the office hides
	 * @param found the number or the words as written
	 * @param shown what the public will read instead
	 * @param context the text around it as written
	 * @param decisionId the office's decision for words hidden by hand, {@code null} for
	 * a number found automatically (which the office may keep)
	 */
	record RedactionJson(String receiptNumber, String column, String kind, String found, String shown, String context,
			Long decisionId) {

		static RedactionJson of(Redaction r) {
			return new RedactionJson(r.receiptNumber(), r.column().field(), r.kind(), r.found(), r.shown(), r.context(),
					r.decisionId());
		}

	}

	/**
	 * A decision of the office on the table.
	 *
	 * @param action {@code KEEP} (a number published as written) or {@code REDACT} (words
	 * hidden by hand)
	 * @param written the number or the words as written
	 * @param shown what the public reads there
	 * @param occurrences how often it applies in the text as it reads now
	 */
	record DecisionJson(long id, String receiptNumber, String column, DisclosureDecision.Action action, String written,
			String shown, String reason, String decidedBy, Instant decidedAt, int occurrences) {

		static DecisionJson of(DisclosureDecision d) {
			return new DecisionJson(d.id(), d.receiptNumber(), d.column().field(), d.action(), d.written(), d.shown(),
					d.reason(), d.decidedBy(), d.decidedAt(), d.occurrences());
		}

	}

	/**
	 * @param column the row field: {@code complaint}, {@code findings}, {@code handling}
	 * or {@code accountability}
	 * @param number the number exactly as the draft's {@code redactions} list it
	 * @param reason why it is not personal
	 */
	record KeepBody(String receiptNumber, String column, String number, String reason) {
	}

	/**
	 * @param text the words exactly as written in the column
	 * @param reason why they must not be published
	 */
	record RedactBody(String receiptNumber, String column, String text, String reason) {
	}

	/**
	 * A published version of a batch's table.
	 *
	 * @param changes what this version changed against the one before, or {@code null}
	 * for the first
	 * @param latestId the id of the batch's latest version, this one's if it is the
	 * latest
	 */
	record TableJson(long id, long batchId, int version, String title, Instant publishedAt, String changeNote,
			TableChanges changes, long latestId, List<DisclosureRow> rows) {
	}

}
