package org.ducha.petitions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.ducha.accounts.AccountQueries;
import org.ducha.shared.NotFound;
import org.ducha.shared.PersonalNumbers;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads cases within the reader's scope: the office and leaders read every case, a
 * handler the cases its units take part in. Outside the office, personal numbers in the
 * complaint text are masked and the complainant is shown masked.
 */
@Service
@Transactional(readOnly = true)
public class PetitionQueries {

	private final PetitionStore store;

	private final TransferRequestStore transfers;

	private final CaseVisibility visibility;

	private final AccountQueries accounts;

	private final ComplainantCipher cipher;

	private final HandlingReportStore reports;

	PetitionQueries(PetitionStore store, TransferRequestStore transfers, CaseVisibility visibility,
			AccountQueries accounts, ComplainantCipher cipher, HandlingReportStore reports) {
		this.store = store;
		this.transfers = transfers;
		this.visibility = visibility;
		this.accounts = accounts;
		this.cipher = cipher;
		this.reports = reports;
	}

	/**
	 * A case the reader may see.
	 * @throws NotFound if there is no such case
	 * @throws AccessDeniedException if it lies outside the reader's scope
	 */
	public Petition petition(long id) {
		CaseVisibility.Scope scope = this.visibility.current();
		Petition petition = this.store.petition(id).orElseThrow(() -> new NotFound("petition", id));
		if (!scope.everything() && !this.store.involves(id, scope.unitIds())) {
			throw new AccessDeniedException("petition " + id + " is outside the reader's scope");
		}
		return shown(scope, petition);
	}

	/** The cases of a batch that the reader may see, by receipt number. */
	public List<Petition> ofBatch(long batchId) {
		CaseVisibility.Scope scope = this.visibility.current();
		List<Long> ids = scope.everything() ? this.store.idsOfBatch(batchId)
				: this.store.idsOfBatchFor(batchId, scope.unitIds());
		return this.store.petitions(ids).stream().map((p) -> shown(scope, p)).toList();
	}

	/**
	 * One page of a batch's cases as the reader may see them, in receipt-number order.
	 * @param after the receipt number the page starts after, or {@code null} for the
	 * first
	 */
	public BatchPage batchPage(long batchId, String after) {
		CaseVisibility.Scope scope = this.visibility.current();
		List<Long> units = scope.everything() ? null : scope.unitIds();
		List<Long> ids = this.store.idsOfBatchPage(batchId, units, after, BatchPage.SIZE);
		boolean more = ids.size() > BatchPage.SIZE;
		List<Petition> cases = this.store.petitions(more ? ids.subList(0, BatchPage.SIZE) : ids)
			.stream()
			.map((p) -> shown(scope, p))
			.toList();
		return new BatchPage(cases, this.store.countOfBatch(batchId, units),
				more ? cases.get(cases.size() - 1).receiptNumber() : null, after != null);
	}

	/**
	 * A page of a batch's cases.
	 *
	 * @param total how many cases of the batch the reader may see
	 * @param next the receipt number the next page starts after, or {@code null} on the
	 * last page
	 * @param later whether this is not the first page
	 */
	public record BatchPage(List<Petition> cases, long total, String next, boolean later) {

		/** Cases a page: a daily batch usually fits on one. */
		public static final int SIZE = 200;

	}

	/** The assignments of the given (already visible) cases, by case id. */
	public Map<Long, List<Assignment>> assignments(List<Long> petitionIds) {
		return this.store.assignments(petitionIds, this.accounts.unitNames());
	}

	/**
	 * The complainant as the reader may see them: always masked here; the office opens it
	 * with {@link PetitionManagement#revealComplainant(long, String)}.
	 */
	public Complainant maskedComplainant(long petitionId) {
		petition(petitionId);
		Complainant sealed = this.store.sealedComplainant(petitionId);
		return new Complainant(this.cipher.open(sealed.name()), this.cipher.open(sealed.phone())).masked();
	}

	public List<TransferRequest> transferRequests(long petitionId) {
		petition(petitionId);
		return this.transfers.ofPetition(petitionId);
	}

	/**
	 * One transfer request, if its case is one the reader may see.
	 * @throws NotFound if there is no such request
	 * @throws AccessDeniedException if its case lies outside the reader's scope
	 */
	public TransferRequest transferRequest(long requestId) {
		TransferRequest request = this.transfers.request(requestId)
			.orElseThrow(() -> new NotFound("transfer request", requestId));
		petition(request.petitionId());
		return request;
	}

	/** Requests waiting for the office's decision; the office only. */
	public List<TransferRequest> pendingTransferRequests() {
		if (!this.visibility.current().office()) {
			throw new AccessDeniedException("only the office decides transfer requests");
		}
		return this.transfers.pending();
	}

	/**
	 * The approved cases of a batch as the disclosure table may show them: the complaint,
	 * districts, types and the last approved report; never the complainant. The office
	 * only, which publishes.
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public List<PublishableCase> publishable(long batchId) {
		List<PublishableCase> cases = new ArrayList<>();
		for (Petition p : this.store.petitions(this.store.idsOfBatch(batchId))) {
			if (p.status() != PetitionStatus.APPROVED && p.status() != PetitionStatus.CLOSED) {
				continue;
			}
			this.reports.versions(p.id())
				.stream()
				.filter((r) -> r.status() == ReportStatus.APPROVED)
				.max(Comparator.comparingInt(HandlingReport::versionNumber))
				.ifPresent(
						(r) -> cases.add(new PublishableCase(p.id(), p.receiptNumber(), p.complaint(), p.regionCodes(),
								p.pollutionTypes(), r.findings(), r.verdict(), r.handling(), r.accountability())));
		}
		return cases;
	}

	/** Receipt numbers of the batch's cases that have no approved report yet. */
	@PreAuthorize("hasRole('OFFICE')")
	public List<String> notYetPublishable(long batchId) {
		return this.store.petitions(this.store.idsOfBatch(batchId))
			.stream()
			.filter((p) -> p.status() != PetitionStatus.APPROVED && p.status() != PetitionStatus.CLOSED)
			.map(Petition::receiptNumber)
			.toList();
	}

	/** Whether the reader is the office, for pages that offer the office's actions. */
	public boolean readerIsOffice() {
		return this.visibility.current().office();
	}

	/** The case as the reader may see it: personal numbers masked outside the office. */
	static Petition shown(CaseVisibility.Scope scope, Petition petition) {
		return scope.office() ? petition : petition.withComplaint(PersonalNumbers.redact(petition.complaint()));
	}

}
