package org.ducha.petitions.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.ducha.petitions.Assignment;
import org.ducha.petitions.Channel;
import org.ducha.petitions.ClockChange;
import org.ducha.petitions.Correction;
import org.ducha.petitions.FieldChange;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionCorrections;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.ducha.petitions.TransferDetails;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's correction of a case's transfer details as JSON: read the details as
 * registered with the version to send, then send them corrected with a reason. The same
 * service as the correction page, so the rules, the locking and the journal are the same.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasRole('OFFICE')")
class CorrectionApiController {

	private final PetitionCorrections corrections;

	private final PetitionQueries petitions;

	CorrectionApiController(PetitionCorrections corrections, PetitionQueries petitions) {
		this.corrections = corrections;
		this.petitions = petitions;
	}

	/** The transfer details as registered, in the shape a correction sends them. */
	@GetMapping("/petitions/{id}/correction")
	Correctable details(@PathVariable long id) {
		Petition petition = this.petitions.petition(id);
		return Correctable.of(id, petition.version(), this.corrections.details(id));
	}

	/** Replaces every transfer detail of the case with the ones sent. */
	@PutMapping("/petitions/{id}/correction")
	Corrected correct(@PathVariable long id, @RequestBody CorrectionRequest request) {
		Correction correction = this.corrections.correct(id, JsonFields.requiredVersion(request.version()),
				request.toDetails(), request.reason());
		CaseJson now = CaseJson.of(id, this.petitions);
		return new Corrected(now.petition(), now.assignments(), correction.changes(), correction.disclosureAffected(),
				correction.clocks());
	}

	/**
	 * A case's transfer details and the version a correction must send.
	 *
	 * @param regions region codes
	 * @param repeatOf the receipt number of the case it repeats, or {@code null}
	 */
	record Correctable(long petitionId, long version, String receiptNumber, Instant transferredAt, Channel channel,
			Priority priority, String complaint, String reportedObject, String address, List<String> regions,
			List<PollutionType> pollutionTypes, String repeatOf) {

		static Correctable of(long id, long version, TransferDetails d) {
			return new Correctable(id, version, d.receiptNumber(), d.transferredAt(), d.channel(), d.priority(),
					d.complaint(), d.reportedObject(), d.address(), d.regionCodes().stream().sorted().toList(),
					d.pollutionTypes().stream().sorted().toList(), d.repeatOf());
		}

	}

	/**
	 * Every transfer detail as it should read, the reason, and the version last read. A
	 * field left out is empty afterwards: a required one is refused.
	 */
	record CorrectionRequest(Long version, String reason, String receiptNumber, OffsetDateTime transferredAt,
			Channel channel, Priority priority, String complaint, String reportedObject, String address,
			List<String> regions, List<PollutionType> pollutionTypes, String repeatOf) {

		TransferDetails toDetails() {
			Set<PollutionType> types = EnumSet.noneOf(PollutionType.class);
			if (this.pollutionTypes != null) {
				this.pollutionTypes.stream().filter(Objects::nonNull).forEach(types::add);
			}
			List<String> codes = (this.regions != null) ? this.regions.stream().filter(Objects::nonNull).toList()
					: List.of();
			return new TransferDetails(strip(this.receiptNumber),
					(this.transferredAt != null) ? this.transferredAt.toInstant() : null, this.channel, this.priority,
					strip(this.complaint), strip(this.reportedObject), strip(this.address), codes, types,
					strip(this.repeatOf));
		}

		private static String strip(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	/**
	 * The case as corrected, with what changed.
	 *
	 * @param disclosureAffected whether a disclosure table already published for the
	 * case's batch needs a correction version
	 */
	record Corrected(Petition petition, List<Assignment> assignments, List<FieldChange> changes,
			boolean disclosureAffected, List<ClockChange> clocks) {
	}

}
