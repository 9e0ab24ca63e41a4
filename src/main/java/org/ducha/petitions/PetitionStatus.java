package org.ducha.petitions;

/**
 * Where a case stands. REGISTERED on intake; ASSIGNED once it has a lead unit; REPORTED
 * when the lead unit submits its handling report; RETURNED when the office sends the
 * report back for supplement; APPROVED when the office accepts it; CLOSED once the six
 * conditions hold. A look-back that finds a rebound sets a closed case back to ASSIGNED.
 */
public enum PetitionStatus {

	REGISTERED, ASSIGNED, REPORTED, RETURNED, APPROVED, CLOSED

}
