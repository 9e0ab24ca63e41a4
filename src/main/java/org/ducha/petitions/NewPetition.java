package org.ducha.petitions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One case as transferred by the inspection team, from a spreadsheet row or entered by
 * hand.
 *
 * @param receiptNumber 受理编号, unique within the round
 * @param regionCodes the districts the case concerns (one or more)
 * @param repeatOf the receipt number of the earlier case this one repeats, or
 * {@code null}
 * @param complainantName given only when the complainant gave it; stored sealed
 * @param complainantPhone likewise
 */
public record NewPetition(String receiptNumber, Instant transferredAt, Channel channel, Priority priority,
		String complaint, String reportedObject, String address, List<String> regionCodes,
		Set<PollutionType> pollutionTypes, String repeatOf, String complainantName, String complainantPhone) {

	public NewPetition {
		regionCodes = List.copyOf(regionCodes);
		pollutionTypes = Set.copyOf(pollutionTypes);
	}

	/**
	 * A digest of what the team transferred, complainant excluded (so that the digest
	 * reveals nothing about them): the same row imported twice has the same digest, a
	 * changed row a different one.
	 */
	public String contentHash() {
		StringBuilder text = new StringBuilder();
		for (Object part : List.of(this.receiptNumber, String.valueOf(this.transferredAt), this.channel, this.priority,
				this.complaint, nullToEmpty(this.reportedObject), nullToEmpty(this.address),
				new TreeSet<>(this.regionCodes), new TreeSet<>(this.pollutionTypes), nullToEmpty(this.repeatOf))) {
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
