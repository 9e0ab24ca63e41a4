package org.ducha.petitions.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ducha.petitions.Completion;
import org.ducha.petitions.Contribution;
import org.ducha.petitions.EvidenceFile;
import org.ducha.petitions.EvidenceFiles;
import org.ducha.petitions.HandlingReport;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PetitionStatus;
import org.ducha.petitions.ReportChanges;
import org.ducha.petitions.ReportDraft;
import org.ducha.petitions.ReportOverview;
import org.ducha.petitions.ReportStatus;
import org.ducha.petitions.Verdict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A case's handling report, its co-units' contributions and its evidence as JSON, for the
 * same people and under the same rules as the pages: the lead unit saves and submits its
 * draft, the office approves it or returns it for supplement, co-units contribute, the
 * units taking part attach evidence, and whoever may read the case reads every version
 * and what changed. A write to a saved report carries the {@code version} the client last
 * read, as the forms do.
 */
@RestController
@RequestMapping("/api/petitions/{id}")
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class ReportApiController {

	private final HandlingReports reports;

	private final EvidenceFiles evidence;

	private final PetitionQueries petitions;

	ReportApiController(HandlingReports reports, EvidenceFiles evidence, PetitionQueries petitions) {
		this.reports = reports;
		this.evidence = evidence;
		this.petitions = petitions;
	}

	@GetMapping("/report")
	ReportOverviewJson overview(@PathVariable long id) {
		ReportOverview overview = this.reports.overview(id);
		Petition petition = this.petitions.petition(id);
		return new ReportOverviewJson(id, petition.receiptNumber(), petition.status(),
				(overview.latest() != null) ? ReportJson.of(overview.latest()) : null,
				overview.versions().stream().map(VersionJson::of).toList(), overview.contributions(),
				overview.evidence(), overview.mayWrite(), overview.mayReview(), overview.mayContribute(),
				overview.mayAttach());
	}

	@GetMapping("/report/versions/{number}")
	ReportJson version(@PathVariable long id, @PathVariable int number) {
		return ReportJson.of(this.reports.version(id, number));
	}

	/**
	 * What changed between two versions; without {@code to}, the latest, and without
	 * {@code from}, the version before {@code to}.
	 */
	@GetMapping("/report/changes")
	ReportChanges changes(@PathVariable long id, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to) {
		int later = (to != null) ? to : latest(id).versionNumber();
		return this.reports.changes(id, (from != null) ? from : later - 1, later);
	}

	/**
	 * Saves the lead unit's draft: without {@code version}, starts the next version (the
	 * first report, or the supplement after a return) and answers 201; with it, replaces
	 * the saved draft if nobody saved it since.
	 */
	@PutMapping("/report")
	@PreAuthorize("hasRole('HANDLER')")
	ResponseEntity<ReportJson> saveDraft(@PathVariable long id, @RequestBody ReportBody body) {
		HandlingReport saved = this.reports.saveDraft(id, body.version(), body.toDraft());
		if (body.version() == null) {
			return ResponseEntity.created(versionUri(id, saved.versionNumber())).body(ReportJson.of(saved));
		}
		return ResponseEntity.ok(ReportJson.of(saved));
	}

	@PostMapping("/report/submit")
	@PreAuthorize("hasRole('HANDLER')")
	ReportJson submit(@PathVariable long id, @RequestBody VersionBody body) {
		return ReportJson.of(this.reports.submit(id, JsonFields.requiredVersion(body.version())));
	}

	@PostMapping("/report/approve")
	@PreAuthorize("hasRole('OFFICE')")
	ReportJson approve(@PathVariable long id, @RequestBody ReviewBody body) {
		return ReportJson.of(this.reports.approve(id, JsonFields.requiredVersion(body.version()), body.comment()));
	}

	/** Returns the submitted version for supplement; the answer says when it is due. */
	@PostMapping("/report/return")
	@PreAuthorize("hasRole('OFFICE')")
	ReturnedJson returnForSupplement(@PathVariable long id, @RequestBody ReviewBody body) {
		Instant due = this.reports.returnForSupplement(id, JsonFields.requiredVersion(body.version()), body.comment());
		return new ReturnedJson(ReportJson.of(latest(id)), due);
	}

	@GetMapping("/contributions")
	List<Contribution> contributions(@PathVariable long id) {
		return this.reports.contributions(id);
	}

	@GetMapping("/contributions/{contributionId}")
	Contribution contribution(@PathVariable long id, @PathVariable long contributionId) {
		return this.reports.contributions(id)
			.stream()
			.filter((c) -> c.id() == contributionId)
			.findFirst()
			.orElseThrow(() -> new NotFound("contribution", contributionId));
	}

	@PostMapping("/contributions")
	@PreAuthorize("hasRole('HANDLER')")
	ResponseEntity<Contribution> contribute(@PathVariable long id, @RequestBody TextBody body) {
		long contribution = this.reports.addContribution(id, body.text());
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/api/petitions/{id}/contributions/{contribution}")
				.buildAndExpand(id, contribution)
				.toUri())
			.body(contribution(id, contribution));
	}

	@GetMapping("/evidence")
	List<EvidenceJson> evidence(@PathVariable long id) {
		return this.evidence.ofPetition(id).stream().map(EvidenceJson::of).toList();
	}

	/**
	 * Attaches the multipart part {@code file}, recognised by its content under the
	 * page's rules; the answer's {@code Location} is where the file is downloaded.
	 */
	@PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('HANDLER')")
	ResponseEntity<EvidenceJson> attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
		EvidenceFile attached;
		try (InputStream content = (file != null) ? file.getInputStream() : InputStream.nullInputStream()) {
			attached = this.evidence.attach(id, (file != null) ? file.getOriginalFilename() : null, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		EvidenceJson json = EvidenceJson.of(attached);
		return ResponseEntity.created(URI.create(json.download())).body(json);
	}

	/** Withdraws a file attached by mistake, under the page's rule; 204 when done. */
	@DeleteMapping("/evidence/{evidenceId}")
	@PreAuthorize("hasRole('HANDLER')")
	ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable long evidenceId) {
		this.evidence.withdraw(id, evidenceId);
		return ResponseEntity.noContent().build();
	}

	private HandlingReport latest(long id) {
		List<HandlingReport> versions = this.reports.versions(id);
		if (versions.isEmpty()) {
			throw new NotFound("handling report", id);
		}
		return versions.get(versions.size() - 1);
	}

	private static URI versionUri(long id, int number) {
		return UriComponentsBuilder.fromPath("/api/petitions/{id}/report/versions/{number}")
			.buildAndExpand(id, number)
			.toUri();
	}

	/**
	 * The draft as the lead unit saves it. Figures are JSON numbers, the date ISO
	 * ({@code 2026-12-31}); verdict and completion are a constant's name or the
	 * officials' term (属实, 阶段性办结).
	 *
	 * @param version the saved draft's {@code version} as last read, or {@code null} to
	 * start the next version
	 */
	record ReportBody(Long version, String findings, String verdict, String handling, String accountability,
			Integer personsAccountable, BigDecimal finesWan, Integer casesFiled, Integer detentions,
			Integer enterprisesRectify, Integer enterprisesClosed, String enterpriseSide, String regulatorSide,
			String completion, LocalDate rectificationDue) {

		ReportDraft toDraft() {
			InvalidInput.Collector problems = new InvalidInput.Collector();
			Verdict chosenVerdict = Choices.of(Verdict.class, "verdict", this.verdict, Verdict::fromTerm, problems);
			Completion chosenCompletion = Choices.of(Completion.class, "completion", this.completion,
					Completion::fromTerm, problems);
			problems.throwIfAny();
			return new ReportDraft(this.findings, chosenVerdict, this.handling, this.accountability,
					this.personsAccountable, this.finesWan, this.casesFiled, this.detentions, this.enterprisesRectify,
					this.enterprisesClosed, this.enterpriseSide, this.regulatorSide, chosenCompletion,
					this.rectificationDue);
		}

	}

	/** A step on a saved report: the {@code version} as last read. */
	record VersionBody(Long version) {
	}

	/** The office's review: the {@code version} as last read and its comment. */
	record ReviewBody(Long version, String comment) {
	}

	/** A co-unit's contribution. */
	record TextBody(String text) {
	}

	/**
	 * One version of the report.
	 *
	 * @param version the row version to send back with the next write
	 * @param verdictTerm the verdict as the officials write it, e.g. 属实
	 * @param completionTerm the completion as the officials write it, e.g. 已办结
	 */
	record ReportJson(long petitionId, int versionNumber, ReportStatus status, long unitId, String findings,
			Verdict verdict, String verdictTerm, String handling, String accountability, Integer personsAccountable,
			BigDecimal finesWan, Integer casesFiled, Integer detentions, Integer enterprisesRectify,
			Integer enterprisesClosed, String enterpriseSide, String regulatorSide, Completion completion,
			String completionTerm, LocalDate rectificationDue, String writtenBy, Instant writtenAt, Instant submittedAt,
			String reviewedBy, Instant reviewedAt, String reviewComment, long version) {

		static ReportJson of(HandlingReport r) {
			return new ReportJson(r.petitionId(), r.versionNumber(), r.status(), r.unitId(), r.findings(), r.verdict(),
					(r.verdict() != null) ? r.verdict().term() : null, r.handling(), r.accountability(),
					r.personsAccountable(), r.finesWan(), r.casesFiled(), r.detentions(), r.enterprisesRectify(),
					r.enterprisesClosed(), r.enterpriseSide(), r.regulatorSide(), r.completion(),
					(r.completion() != null) ? r.completion().term() : null, r.rectificationDue(), r.writtenBy(),
					r.writtenAt(), r.submittedAt(), r.reviewedBy(), r.reviewedAt(), r.reviewComment(), r.rowVersion());
		}

	}

	/** A version in the list of versions. */
	record VersionJson(int versionNumber, ReportStatus status, String writtenBy, Instant writtenAt, Instant submittedAt,
			String reviewedBy, Instant reviewedAt) {

		static VersionJson of(HandlingReport r) {
			return new VersionJson(r.versionNumber(), r.status(), r.writtenBy(), r.writtenAt(), r.submittedAt(),
					r.reviewedBy(), r.reviewedAt());
		}

	}

	/**
	 * The case's report at a glance and what the reader may do with it.
	 *
	 * @param latest the highest version, or {@code null} before the first save
	 */
	record ReportOverviewJson(long petitionId, String receiptNumber, PetitionStatus caseStatus, ReportJson latest,
			List<VersionJson> versions, int contributions, int evidence, boolean mayWrite, boolean mayReview,
			boolean mayContribute, boolean mayAttach) {
	}

	/** The returned version and when its supplement is due. */
	record ReturnedJson(ReportJson report, Instant supplementDueAt) {
	}

	/** An evidence file and where to download it. */
	record EvidenceJson(long id, long petitionId, Integer reportVersion, String fileName, String contentType,
			long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt, String download) {

		static EvidenceJson of(EvidenceFile f) {
			return new EvidenceJson(f.id(), f.petitionId(), f.reportVersion(), f.fileName(), f.contentType(),
					f.sizeBytes(), f.sha256(), f.uploadedBy(), f.uploadedAt(), "/evidence/" + f.id());
		}

	}

}
