package org.ducha.petitions;

import java.util.List;

/**
 * A correction of a case's transfer details, as checked or as saved.
 *
 * @param version the case's version the correction applies to when checked; its new
 * version when saved
 * @param changes the fields that change, in the order of the form
 * @param disclosureAffected whether the case has an approved report and a field the
 * disclosure table shows changes (receipt number, complaint, districts, pollution types):
 * a table already published for its batch then needs a correction version
 * @param clocks what happens to the clocks that depend on a changed field
 */
public record Correction(long petitionId, long version, List<FieldChange> changes, boolean disclosureAffected,
		List<ClockChange> clocks) {

	public Correction {
		changes = List.copyOf(changes);
		clocks = List.copyOf(clocks);
	}

}
