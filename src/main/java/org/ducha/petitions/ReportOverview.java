package org.ducha.petitions;

import java.util.List;

/**
 * A case's handling report as its page summarises it, with what the reader may do.
 *
 * @param latest the highest version, or {@code null} when no report was written yet
 * @param versions every version, oldest first
 * @param contributions how many contributions the co-units gave
 * @param evidence how many evidence files are attached
 * @param mayWrite whether the reader's unit leads the case and may write the draft now
 * @param mayReview whether the reader is the office and a version awaits review
 * @param mayContribute whether the reader's unit is a co-unit that may contribute now
 * @param mayAttach whether the reader's unit takes part and may attach evidence now
 */
public record ReportOverview(HandlingReport latest, List<HandlingReport> versions, int contributions, int evidence,
		boolean mayWrite, boolean mayReview, boolean mayContribute, boolean mayAttach) {

}
