package org.ducha.petitions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The closing rules (六个不放过): which of a case's six conditions do not hold yet and why,
 * when its conditions may be recorded, and when it may close. Each rule answers with a
 * reason a person can read, or with nothing when it allows.
 */
public final class SixConditions {

	/**
	 * Why one condition does not hold yet.
	 *
	 * @param reasonCode the message key of the reason
	 * @param args its arguments
	 */
	public record Gap(ClosureCondition condition, String reasonCode, Object... args) {

	}

	private SixConditions() {
	}

	/**
	 * The conditions of the current cycle that are neither met nor waived, in the order
	 * of the six.
	 * @param settled the conditions met or waived in the cycle
	 * @param latest the cycle's latest follow-up with the complainant, or {@code null}
	 */
	static List<Gap> missing(Collection<ConditionRecord> settled, Satisfaction latest) {
		Set<ClosureCondition> done = settled.stream()
			.map(ConditionRecord::condition)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(ClosureCondition.class)));
		List<Gap> gaps = new ArrayList<>();
		for (ClosureCondition condition : ClosureCondition.values()) {
			if (!done.contains(condition)) {
				gaps.add((condition == ClosureCondition.PUBLIC_SATISFIED) ? publicNotSatisfied(latest)
						: new Gap(condition, "closure.gap.notRecorded"));
			}
		}
		return gaps;
	}

	/**
	 * Why the public-satisfaction condition is open: nobody asked yet, the complainant
	 * said 不满意, or could not be reached.
	 */
	static Gap publicNotSatisfied(Satisfaction latest) {
		if (latest == null) {
			return new Gap(ClosureCondition.PUBLIC_SATISFIED, "closure.gap.noFollowUp");
		}
		Object method = Refusal.term("followUp.", latest.method());
		return switch (latest.answer()) {
			case DISSATISFIED -> new Gap(ClosureCondition.PUBLIC_SATISFIED, "closure.gap.dissatisfied", method);
			case UNREACHABLE -> new Gap(ClosureCondition.PUBLIC_SATISFIED, "closure.gap.unreachable", method);
			case SATISFIED, BASICALLY_SATISFIED ->
				new Gap(ClosureCondition.PUBLIC_SATISFIED, "closure.gap.notRecorded");
		};
	}

	/**
	 * Conditions and follow-ups are recorded while the case is in hand: once it is
	 * assigned, until it is closed.
	 */
	static Optional<Refusal> mayRecord(Petition petition) {
		if (petition.status() == PetitionStatus.REGISTERED) {
			return Optional.of(new Refusal("closure.record.notAssigned", petition.receiptNumber()));
		}
		if (petition.status() == PetitionStatus.CLOSED) {
			return Optional.of(new Refusal("closure.record.closed", petition.receiptNumber()));
		}
		return Optional.empty();
	}

	/**
	 * The public is satisfied when the complainant says so: that condition is met by
	 * recording the follow-up, never by hand (it may still be waived).
	 */
	static Optional<Refusal> mayMarkMet(ClosureCondition condition) {
		if (condition == ClosureCondition.PUBLIC_SATISFIED) {
			return Optional.of(new Refusal("closure.publicSatisfied.byFollowUp"));
		}
		return Optional.empty();
	}

	/**
	 * A case closes only once the office approved its handling report; the conditions are
	 * checked with {@link #missing}.
	 */
	static Optional<Refusal> mayClose(Petition petition) {
		if (petition.status() != PetitionStatus.APPROVED) {
			return Optional.of(new Refusal("closure.notApproved", petition.receiptNumber(),
					Refusal.term("status.", petition.status())));
		}
		return Optional.empty();
	}

}
