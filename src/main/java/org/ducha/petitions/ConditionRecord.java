package org.ducha.petitions;

import java.time.Instant;

/**
 * One closure condition as settled in one handling cycle of a case.
 *
 * @param cycle the handling cycle (1 until a rebound reopens the case)
 * @param note for {@link ConditionState#MET}, what shows it holds; for
 * {@link ConditionState#WAIVED}, the written reason for the waiver; {@code null} when a
 * follow-up met the condition
 * @param satisfactionId the follow-up that met the public-satisfaction condition, or
 * {@code null}
 * @param recordedBy the login of the office user who recorded or waived it
 */
public record ConditionRecord(ClosureCondition condition, int cycle, ConditionState state, String note,
		Long satisfactionId, String recordedBy, Instant recordedAt) {

	public boolean waived() {
		return this.state == ConditionState.WAIVED;
	}

	ConditionRecord withNote(String text) {
		return new ConditionRecord(this.condition, this.cycle, this.state, text, this.satisfactionId, this.recordedBy,
				this.recordedAt);
	}

}
