package org.ducha.petitions;

import java.time.Instant;

/** A unit's part in a case. */
public record Assignment(long unitId, String unitName, AssignmentRole role, Instant assignedAt) {

}
