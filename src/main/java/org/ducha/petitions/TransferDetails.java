package org.ducha.petitions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the inspection team transferred about a case, as the office may correct it: every
 * field the intake compares with a re-imported row, the complainant excepted (sealed, and
 * seen only through the journaled reveal).
 *
 * @param receiptNumber 受理编号, unique within the round
 * @param regionCodes the districts the case concerns
 * @param repeatOf the receipt number of the earlier case this one repeats, or
 * {@code null}
 */
public record TransferDetails(String receiptNumber, Instant transferredAt, Channel channel, Priority priority,
		String complaint, String reportedObject, String address, List<String> regionCodes,
		Set<PollutionType> pollutionTypes, String repeatOf) {

	public TransferDetails {
		regionCodes = (regionCodes != null) ? regionCodes.stream().filter(Objects::nonNull).distinct().toList()
				: List.of();
		pollutionTypes = (pollutionTypes != null) ? Set.copyOf(pollutionTypes) : Set.of();
	}

	/** The case as stored, with the receipt number of the case it repeats. */
	static TransferDetails of(Petition petition, String repeatOf) {
		return new TransferDetails(petition.receiptNumber(), petition.transferredAt(), petition.channel(),
				petition.priority(), petition.complaint(), petition.reportedObject(), petition.address(),
				petition.regionCodes(), petition.pollutionTypes(), repeatOf);
	}

	/**
	 * The same details as an intake row without a complainant, for the intake's rules and
	 * its content digest (which leaves the complainant out).
	 */
	NewPetition asTransferred() {
		return new NewPetition(this.receiptNumber, this.transferredAt, this.channel, this.priority, this.complaint,
				this.reportedObject, this.address, this.regionCodes, this.pollutionTypes, this.repeatOf, null, null);
	}

	/**
	 * Each field by its form and request name, as the journal records it: text as text,
	 * enumerations by name, the transfer time as an ISO instant, districts and types as
	 * sorted lists; {@code null} for an empty optional field.
	 */
	Map<IntakeField, Object> values() {
		Map<IntakeField, Object> values = new LinkedHashMap<>();
		values.put(IntakeField.RECEIPT_NUMBER, this.receiptNumber);
		values.put(IntakeField.TRANSFERRED_AT, (this.transferredAt != null) ? this.transferredAt.toString() : null);
		values.put(IntakeField.CHANNEL, (this.channel != null) ? this.channel.name() : null);
		values.put(IntakeField.PRIORITY, (this.priority != null) ? this.priority.name() : null);
		values.put(IntakeField.COMPLAINT, this.complaint);
		values.put(IntakeField.REPORTED_OBJECT, this.reportedObject);
		values.put(IntakeField.ADDRESS, this.address);
		List<String> regions = new ArrayList<>(this.regionCodes);
		regions.sort(null);
		values.put(IntakeField.REGIONS, regions);
		values.put(IntakeField.POLLUTION_TYPES, this.pollutionTypes.stream().map(Enum::name).sorted().toList());
		values.put(IntakeField.REPEAT_OF, this.repeatOf);
		return values;
	}

}
