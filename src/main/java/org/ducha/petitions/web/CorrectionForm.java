package org.ducha.petitions.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ducha.petitions.Channel;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.ducha.petitions.TransferDetails;
import org.ducha.shared.InvalidInput;

/**
 * What the correction form submits: the transfer details as the hand-entry form has them
 * (the complainant's fields excepted), the reason, and the version of the case the office
 * read.
 */
record CorrectionForm(Long version, String reason, String receiptNumber, String transferredAt, Channel channel,
		Priority priority, String complaint, String reportedObject, String address, List<String> regions,
		List<PollutionType> pollutionTypes, String repeatOf) {

	/** The form filled with the case as registered. */
	static CorrectionForm of(TransferDetails details, long version, Clock clock) {
		return new CorrectionForm(version, null, details.receiptNumber(),
				LocalDateTime.ofInstant(details.transferredAt(), clock.getZone()).toString(), details.channel(),
				details.priority(), details.complaint(), details.reportedObject(), details.address(),
				details.regionCodes(), List.copyOf(details.pollutionTypes()), details.repeatOf());
	}

	/** The same form, read against another version of the case. */
	CorrectionForm withVersion(long version) {
		return new CorrectionForm(version, this.reason, this.receiptNumber, this.transferredAt, this.channel,
				this.priority, this.complaint, this.reportedObject, this.address, this.regions, this.pollutionTypes,
				this.repeatOf);
	}

	long versionOrStale() {
		return (this.version != null) ? this.version : -1;
	}

	/**
	 * @throws InvalidInput if the transfer time is not a date and time
	 */
	TransferDetails toDetails(Clock clock) {
		Instant at = null;
		if (this.transferredAt != null && !this.transferredAt.isBlank()) {
			try {
				at = LocalDateTime.parse(this.transferredAt.strip()).atZone(clock.getZone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInput(List
					.of(new InvalidInput.Problem("transferredAt", "form.dateTime.invalid", this.transferredAt)));
			}
		}
		Set<PollutionType> types = EnumSet.noneOf(PollutionType.class);
		if (this.pollutionTypes != null) {
			types.addAll(this.pollutionTypes);
		}
		return new TransferDetails(strip(this.receiptNumber), at, this.channel, this.priority, strip(this.complaint),
				strip(this.reportedObject), strip(this.address),
				(this.regions != null) ? new ArrayList<>(this.regions) : List.of(), types, strip(this.repeatOf));
	}

	public boolean hasRegion(String code) {
		return this.regions != null && this.regions.contains(code);
	}

	public boolean hasType(PollutionType type) {
		return this.pollutionTypes != null && this.pollutionTypes.contains(type);
	}

	private static String strip(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
