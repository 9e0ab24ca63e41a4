package org.ducha.petitions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One case as transferred by the inspection team, from a spreadsheet row or entered by
 * hand.
 *
 * @param receiptNumber 受理编号 as written, unique within the round in its normalised form
 * ({@link ReceiptNumber})
 * @param regionCodes the districts the case concerns (one or more)
 * @param repeatOf the receipt number of the earlier case this one repeats, or
 * {@code null}
 * @param complainantName given only when the complainant gave it; stored sealed
 * @param complainantPhone likewise
 * @param asWritten the sheet's text of the fields whose words were read as a term
 * ({@code 电话} for 来电, {@code 萍乡市湘东区} for 湘东区, {@code 大气污染、噪音}…), kept with the
 * registration; never the complainant's
 */
public record NewPetition(String receiptNumber, Instant transferredAt, Channel channel, Priority priority,
		String complaint, String reportedObject, String address, List<String> regionCodes,
		Set<PollutionType> pollutionTypes, String repeatOf, String complainantName, String complainantPhone,
		Map<IntakeField, String> asWritten) {

	public NewPetition {
		regionCodes = List.copyOf(regionCodes);
		pollutionTypes = Set.copyOf(pollutionTypes);
		asWritten = (asWritten != null) ? Map.copyOf(asWritten) : Map.of();
	}

	/**
	 * A case whose every field is written in the system's own terms (entered by hand).
	 */
	public NewPetition(String receiptNumber, Instant transferredAt, Channel channel, Priority priority,
			String complaint, String reportedObject, String address, List<String> regionCodes,
			Set<PollutionType> pollutionTypes, String repeatOf, String complainantName, String complainantPhone) {
		this(receiptNumber, transferredAt, channel, priority, complaint, reportedObject, address, regionCodes,
				pollutionTypes, repeatOf, complainantName, complainantPhone, Map.of());
	}

	/**
	 * A digest of what the team transferred, complainant excluded (so that the digest
	 * reveals nothing about them): the same row imported twice has the same digest, a
	 * changed row a different one. Receipt numbers count in their normalised form and
	 * words by the term they stand for, so a row written otherwise but meaning the same
	 * is the same row.
	 */
	public String contentHash() {
		StringBuilder text = new StringBuilder();
		for (Object part : List.of(nullToEmpty(ReceiptNumber.keyOf(this.receiptNumber)),
				String.valueOf(this.transferredAt), this.channel, this.priority, this.complaint,
				nullToEmpty(this.reportedObject), nullToEmpty(this.address), new TreeSet<>(this.regionCodes),
				new TreeSet<>(this.pollutionTypes), nullToEmpty(ReceiptNumber.keyOf(this.repeatOf)))) {
			text.append(part).append('\u001f');
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
