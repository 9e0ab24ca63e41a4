package org.ducha.petitions;

import java.time.Instant;

/** What a co-unit (协办) gave the lead unit for its report. */
public record Contribution(long id, long petitionId, long unitId, String unitName, String text, String writtenBy,
		Instant writtenAt) {

}
