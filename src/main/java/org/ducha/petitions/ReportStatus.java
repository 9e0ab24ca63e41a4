package org.ducha.petitions;

/**
 * Where one version of a handling report stands: the lead unit writes a DRAFT and submits
 * it (SUBMITTED); the office approves it (APPROVED) or returns it for supplement
 * (RETURNED), after which the unit writes the next version.
 */
public enum ReportStatus {

	DRAFT, SUBMITTED, RETURNED, APPROVED

}
