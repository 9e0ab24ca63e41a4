package org.ducha.petitions;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a bulk assignment did, or, for a preview, would do: which cases were assigned for
 * the first time, which already assigned ones were left as they were, and which had their
 * earlier assignment replaced, with what changed. Serializable, because the batch page
 * carries it to the next page as a flash attribute.
 *
 * @param assigned the cases assigned for the first time
 * @param kept the cases left as they were, each with why
 * @param replaced the cases whose earlier assignment was (or would be) replaced
 */
public record BulkAssignment(List<Case> assigned, List<Kept> kept, List<Change> replaced) implements Serializable {

	public BulkAssignment {
		assigned = List.copyOf(assigned);
		kept = List.copyOf(kept);
		replaced = List.copyOf(replaced);
	}

	/**
	 * The cases kept for the reason named, a {@link Reason} constant, in the order asked.
	 */
	public List<Kept> keptBecause(String reason) {
		return this.kept.stream().filter((k) -> k.reason().name().equals(reason)).toList();
	}

	/** How many cases the bulk assignment was asked for. */
	public int chosen() {
		return this.assigned.size() + this.kept.size() + this.replaced.size();
	}

	/** A case by id and receipt number. */
	public record Case(long petitionId, String receiptNumber) implements Serializable {
	}

	/** Why an already assigned case was left as it was. */
	public enum Reason {

		/**
		 * It was assigned before, and replacing it was not asked for or not confirmed.
		 */
		ALREADY_ASSIGNED,
		/** It already has exactly these units: there was nothing to replace. */
		SAME_UNITS,
		/** Its status no longer allows a change of units (the lead unit has reported). */
		NOT_REASSIGNABLE

	}

	/**
	 * A case left as it was.
	 *
	 * @param lead the name of its lead unit, or {@code null} when it has none
	 */
	public record Kept(long petitionId, String receiptNumber, String lead, PetitionStatus status,
			Reason reason) implements Serializable {
	}

	/**
	 * What replacing a case's assignment changes.
	 *
	 * @param version the case's version when the change was worked out: a confirmation
	 * sends it back, so that a case changed meanwhile is not replaced blindly
	 * @param oldLead the lead unit before
	 * @param newLead the lead unit after
	 * @param coDropped co-units that no longer take part
	 * @param coAdded co-units that now take part
	 * @param territorialDropped territorial governments that no longer take part
	 * @param territorialAdded territorial governments that now take part
	 */
	public record Change(long petitionId, String receiptNumber, long version, String oldLead, String newLead,
			List<String> coDropped, List<String> coAdded, List<String> territorialDropped,
			List<String> territorialAdded) implements Serializable {

		public Change {
			coDropped = List.copyOf(coDropped);
			coAdded = List.copyOf(coAdded);
			territorialDropped = List.copyOf(territorialDropped);
			territorialAdded = List.copyOf(territorialAdded);
		}

		public boolean leadChanged() {
			return !this.oldLead.equals(this.newLead);
		}

	}

	/**
	 * Which already assigned cases a bulk assignment may replace.
	 *
	 * @param all every one (the API's explicit {@code replaceAssigned})
	 * @param confirmed the cases the office confirmed, each with the version it was shown
	 * at; ignored when {@code all}
	 */
	public record Replacing(boolean all, Map<Long, Long> confirmed) {

		/** Replace nothing: already assigned cases are kept as they are. */
		public static final Replacing NONE = new Replacing(false, Map.of());

		/** Replace every already assigned case that can still be reassigned. */
		public static final Replacing ALL = new Replacing(true, Map.of());

		public Replacing {
			confirmed = Map.copyOf(confirmed);
		}

		/** Replace only these cases, and only if each is still at the version shown. */
		public static Replacing confirmed(Map<Long, Long> versions) {
			return new Replacing(false, versions);
		}

		boolean allows(long petitionId) {
			return this.all || this.confirmed.containsKey(petitionId);
		}

	}

}
