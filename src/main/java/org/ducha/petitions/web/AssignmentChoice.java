package org.ducha.petitions.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ducha.petitions.Assignment;
import org.ducha.petitions.AssignmentRole;

/** Which units the assignment form shows as chosen. */
record AssignmentChoice(Set<Long> leadIds, Set<Long> coIds, Set<Long> territorialIds) {

	static AssignmentChoice of(List<Assignment> assignments) {
		return new AssignmentChoice(ids(assignments, AssignmentRole.LEAD), ids(assignments, AssignmentRole.CO),
				ids(assignments, AssignmentRole.TERRITORIAL));
	}

	private static Set<Long> ids(List<Assignment> assignments, AssignmentRole role) {
		return assignments.stream().filter((a) -> a.role() == role).map(Assignment::unitId).collect(Collectors.toSet());
	}

	public boolean lead(long unitId) {
		return this.leadIds.contains(unitId);
	}

	public boolean co(long unitId) {
		return this.coIds.contains(unitId);
	}

	public boolean territorial(long unitId) {
		return this.territorialIds.contains(unitId);
	}

}
