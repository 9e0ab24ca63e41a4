package org.ducha.disclosure;

/**
 * One row of a disclosure table, in the standard columns, as the public reads it: every
 * text already redacted.
 */
public record DisclosureRow(int number, String receiptNumber, String complaint, String regions, String pollutionTypes,
		String findings, String verdict, String handling, String accountability) {

	/** The same row without its position, to tell whether a correction changed it. */
	boolean sameContent(DisclosureRow other) {
		return this.receiptNumber.equals(other.receiptNumber) && this.complaint.equals(other.complaint)
				&& this.regions.equals(other.regions) && this.pollutionTypes.equals(other.pollutionTypes)
				&& this.findings.equals(other.findings) && this.verdict.equals(other.verdict)
				&& this.handling.equals(other.handling) && this.accountability.equals(other.accountability);
	}

}
