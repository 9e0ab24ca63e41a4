package org.ducha.disclosure.web;

import java.time.Instant;
import java.util.List;

import org.ducha.disclosure.DisclosureRow;
import org.ducha.disclosure.Disclosures;
import org.ducha.disclosure.PublishedTable;
import org.ducha.disclosure.Redaction;
import org.ducha.disclosure.TableChanges;
import org.ducha.disclosure.TableDraft;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A batch's disclosure table (边督边改公开情况一览表) as JSON: the office reads what publishing
 * would publish, with every personal number that will be redacted, and publishes it
 * against the version it read; anyone, without signing in, reads a published version,
 * which never holds the complainant nor an unredacted number.
 */
@RestController
class DisclosureApiController {

	private static final String COLUMN = "disclosure.column.";

	private final Disclosures disclosures;

	DisclosureApiController(Disclosures disclosures) {
		this.disclosures = disclosures;
	}

	@GetMapping("/api/batches/{id}/disclosure")
	@PreAuthorize("hasRole('OFFICE')")
	DraftJson draft(@PathVariable long id) {
		TableDraft draft = this.disclosures.draft(id);
		return new DraftJson(draft.batchId(), draft.title(), draft.baseVersion(), draft.rows(),
				draft.redactions().stream().map(RedactionJson::of).toList(), draft.notYetApproved(), draft.changes());
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
			List<RedactionJson> redactions, List<String> notYetApproved, TableChanges changes) {
	}

	/**
	 * A personal number publishing will hide.
	 *
	 * @param column the row's field it is in, e.g. {@code complaint}
	 * @param found the number as written
	 * @param shown what the public will read instead
	 */
	record RedactionJson(String receiptNumber, String column, String found, String shown) {

		static RedactionJson of(Redaction r) {
			String column = r.column().startsWith(COLUMN) ? r.column().substring(COLUMN.length()) : r.column();
			return new RedactionJson(r.receiptNumber(), column, r.found(), r.shown());
		}

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
