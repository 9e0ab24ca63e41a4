package org.ducha.petitions;

import java.time.Instant;

/**
 * One follow-up with the complainant in one handling cycle. The latest of a cycle decides
 * whether the public is satisfied.
 *
 * @param note what the office noted; personal numbers are masked for readers outside the
 * office
 */
public record Satisfaction(long id, int cycle, SatisfactionAnswer answer, FollowUpMethod method, String note,
		String recordedBy, Instant recordedAt) {

	Satisfaction withNote(String text) {
		return new Satisfaction(this.id, this.cycle, this.answer, this.method, text, this.recordedBy, this.recordedAt);
	}

}
