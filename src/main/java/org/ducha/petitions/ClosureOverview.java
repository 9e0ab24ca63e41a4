package org.ducha.petitions;

import java.util.List;

/**
 * Where a case stands against the six conditions in its current handling cycle, with its
 * follow-ups, and what earlier cycles left behind when a rebound reopened it.
 *
 * @param cycle the current handling cycle, 1 until a rebound reopens the case
 * @param lines the six conditions in order, each settled or with the reason it is open
 * @param missing the open conditions with their reasons; empty when the case may close
 * (once approved)
 * @param satisfactions the follow-ups of the current cycle, oldest first
 * @param closing how the current cycle was closed, or {@code null} while it is open
 * @param pastCycles the earlier cycles, oldest first
 */
public record ClosureOverview(int cycle, List<Line> lines, List<SixConditions.Gap> missing,
		List<Satisfaction> satisfactions, CycleResult closing, List<PastCycle> pastCycles) {

	/**
	 * One condition: how it was settled, or why it is open.
	 *
	 * @param settled {@code null} while it is open
	 * @param gap {@code null} once it is settled
	 */
	public record Line(ClosureCondition condition, ConditionRecord settled, SixConditions.Gap gap) {

		public boolean open() {
			return this.settled == null;
		}

	}

	/** An earlier cycle, closed and then reopened by a rebound. */
	public record PastCycle(CycleResult result, List<ConditionRecord> conditions, List<Satisfaction> satisfactions) {

	}

	/** Whether every condition is met or waived. */
	public boolean complete() {
		return this.missing.isEmpty();
	}

	/** The follow-up with this id among the current cycle's, or {@code null}. */
	public Satisfaction satisfaction(Long id) {
		return this.satisfactions.stream().filter((s) -> id != null && s.id() == id).findFirst().orElse(null);
	}

}
