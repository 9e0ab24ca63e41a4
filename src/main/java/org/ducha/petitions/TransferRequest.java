package org.ducha.petitions;

import java.time.Instant;

/**
 * A unit's request to hand its case over to another unit (转办申请). Only the office decides.
 *
 * @param toUnitId the unit suggested to take over, or {@code null} when the requester
 * leaves it to the office
 * @param decision {@code PENDING}, {@code ACCEPTED} or {@code REJECTED}
 */
public record TransferRequest(long id, long petitionId, long fromUnitId, Long toUnitId, String reason,
		String requestedBy, Instant requestedAt, String decision, String decidedBy, Instant decidedAt,
		String decisionNote) {

	public boolean pending() {
		return "PENDING".equals(this.decision);
	}

}
