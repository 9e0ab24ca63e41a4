package org.ducha.petitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ducha.accounts.AccountQueries;
import org.ducha.journal.Journal;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.RuleViolation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence attached to a case by the units taking part: images, PDF, Word and Excel
 * files, recognised by their content and kept in the content-addressed file store. Read
 * and downloaded by whoever may read the case.
 */
@Service
@Transactional
public class EvidenceFiles {

	/** A stored file and where its bytes are, for a download. */
	public record Download(EvidenceFile file, Path path) {

	}

	private final EvidenceStore store;

	private final FileStore files;

	private final PetitionStore petitions;

	private final PetitionQueries queries;

	private final HandlingReportStore reports;

	private final AccountQueries accounts;

	private final Journal journal;

	private final Clock clock;

	private final long maxBytes;

	EvidenceFiles(EvidenceStore store, FileStore files, PetitionStore petitions, PetitionQueries queries,
			HandlingReportStore reports, AccountQueries accounts, Journal journal, Clock clock,
			@Value("${ducha.evidence.max-bytes:20971520}") long maxBytes) {
		this.store = store;
		this.files = files;
		this.petitions = petitions;
		this.queries = queries;
		this.reports = reports;
		this.accounts = accounts;
		this.journal = journal;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/** The largest file accepted, in bytes. */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Attaches a file to a case, to the lead unit's draft if there is one.
	 * @param fileName the name the file had on the user's computer
	 * @param content the file's bytes
	 * @return the stored file
	 * @throws InvalidInput ({@code file}) when the file is empty, too large, not one of
	 * the accepted kinds, or named as another kind
	 * @throws AccessDeniedException unless the reader's unit takes part in the case
	 */
	@PreAuthorize("hasRole('HANDLER')")
	public EvidenceFile attach(long petitionId, String fileName, InputStream content) {
		this.queries.petition(petitionId);
		Petition petition = this.petitions.petitionForUpdate(petitionId)
			.orElseThrow(() -> new NotFound("petition", petitionId));
		if (!this.petitions.involves(petitionId, this.accounts.unitIdsIn(this.accounts.currentScope()))) {
			throw new AccessDeniedException("only a unit taking part in the case attaches evidence");
		}
		if (petition.status() != PetitionStatus.ASSIGNED && petition.status() != PetitionStatus.RETURNED) {
			throw new RuleViolation("handling.evidence.notAllowed", petition.status().name());
		}
		String name = baseName(fileName);
		if (name.isEmpty()) {
			throw invalid("handling.evidence.required");
		}
		if (name.length() > 255) {
			throw invalid("handling.evidence.nameTooLong");
		}
		FileStore.Received received = this.files.receive(content, this.maxBytes);
		EvidenceTypes type;
		try {
			if (received.tooLarge()) {
				throw invalid("handling.evidence.tooLarge", this.maxBytes / (1024 * 1024));
			}
			if (received.size() == 0) {
				throw invalid("handling.evidence.required");
			}
			Optional<EvidenceTypes> detected = EvidenceTypes.detect(received.temporary());
			if (detected.isEmpty()) {
				throw invalid("handling.evidence.typeRefused");
			}
			type = detected.get();
			if (!type.matchesName(name)) {
				throw invalid("handling.evidence.nameMismatch");
			}
		}
		catch (IOException ex) {
			this.files.discard(received);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			this.files.discard(received);
			throw ex;
		}
		this.files.keep(received);
		Integer draftVersion = this.reports.latest(petitionId)
			.filter((r) -> r.status() == ReportStatus.DRAFT)
			.map(HandlingReport::versionNumber)
			.orElse(null);
		long id = this.store.insert(petitionId, draftVersion, name, type.contentType(), received.size(),
				received.sha256(), CurrentActor.get().login(), this.clock.instant());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("evidence", id);
		facts.put("contentType", type.contentType());
		facts.put("size", received.size());
		facts.put("sha256", received.sha256());
		this.journal.record(PetitionClocks.SUBJECT, petitionId, "EvidenceAdded", facts);
		return this.store.file(id).orElseThrow();
	}

	/**
	 * Withdraws a file attached by mistake. Only whoever attached it may, while the case
	 * is being handled and before any report that could contain it reaches the office:
	 * what the office has been sent stays as it was sent. The description stays in the
	 * database for the journal's sake; the file leaves the case's lists and downloads.
	 * @throws RuleViolation {@code handling.evidence.notWithdrawable} otherwise
	 * @throws NotFound if the case has no such file or it was withdrawn already
	 */
	@PreAuthorize("hasRole('HANDLER')")
	public EvidenceFile withdraw(long petitionId, long evidenceId) {
		EvidenceFile file = this.store.file(evidenceId)
			.filter((f) -> f.petitionId() == petitionId)
			.orElseThrow(() -> new NotFound("evidence", evidenceId));
		Petition petition = this.petitions.petitionForUpdate(file.petitionId())
			.orElseThrow(() -> new NotFound("petition", file.petitionId()));
		this.queries.petition(petition.id());
		if (!mayWithdraw(petition, file, this.store.lastSubmitted(petition.id()))) {
			throw new RuleViolation("handling.evidence.notWithdrawable", file.fileName());
		}
		if (!this.store.withdraw(evidenceId, CurrentActor.get().login(), this.clock.instant())) {
			throw new NotFound("evidence", evidenceId);
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("evidence", evidenceId);
		facts.put("sha256", file.sha256());
		this.journal.record(PetitionClocks.SUBJECT, petition.id(), "EvidenceWithdrawn", facts);
		return file;
	}

	/** The ids of the files of a case that the reader may withdraw. */
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
	@Transactional(readOnly = true)
	public Set<Long> withdrawable(long petitionId) {
		Petition petition = this.queries.petition(petitionId);
		Optional<Instant> lastSubmitted = this.store.lastSubmitted(petitionId);
		return this.store.ofPetition(petitionId)
			.stream()
			.filter((f) -> mayWithdraw(petition, f, lastSubmitted))
			.map(EvidenceFile::id)
			.collect(Collectors.toSet());
	}

	private static boolean mayWithdraw(Petition petition, EvidenceFile file, Optional<Instant> lastSubmitted) {
		boolean handling = petition.status() == PetitionStatus.ASSIGNED || petition.status() == PetitionStatus.RETURNED;
		return handling && file.uploadedBy().equals(CurrentActor.get().login())
				&& lastSubmitted.map((at) -> at.isBefore(file.uploadedAt())).orElse(true);
	}

	/** The files attached to a case, oldest first. */
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
	@Transactional(readOnly = true)
	public List<EvidenceFile> ofPetition(long petitionId) {
		this.queries.petition(petitionId);
		return this.store.ofPetition(petitionId);
	}

	/**
	 * A file to download, if the reader may read its case.
	 * @throws NotFound if there is no such file
	 */
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
	@Transactional(readOnly = true)
	public Download download(long evidenceId) {
		EvidenceFile file = this.store.file(evidenceId).orElseThrow(() -> new NotFound("evidence", evidenceId));
		this.queries.petition(file.petitionId());
		return new Download(file, this.files.path(file.sha256()));
	}

	/** The last part of a path, as some browsers send the whole path of the file. */
	private static String baseName(String fileName) {
		if (fileName == null) {
			return "";
		}
		String name = fileName.replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1).strip();
	}

	private static InvalidInput invalid(String code, Object... args) {
		return new InvalidInput(List.of(new InvalidInput.Problem("file", code, args)));
	}

}
