package org.ducha.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Who sees which units. A user sees their own unit and the units below it; office staff,
 * leaders and the two account administrators see their whole region: the subtree of the
 * highest unit above them that is in the same region as their own unit.
 */
final class DataScopePolicy {

	private DataScopePolicy() {
	}

	static DataScope scopeOf(Unit unit, Set<Role> roles, Function<Unit, List<Unit>> ancestorsOf) {
		Unit root = unit;
		if (roles.stream().anyMatch(Role.REGION_WIDE::contains)) {
			for (Unit ancestor : ancestorsOf.apply(unit)) {
				if (!ancestor.regionCode().equals(unit.regionCode())) {
					break;
				}
				root = ancestor;
			}
		}
		return new DataScope(root.id(), root.path());
	}

	/** The ids of a unit's ancestors, nearest first. */
	static List<Long> ancestorIds(Unit unit) {
		List<Long> ids = Arrays.stream(unit.path().split("/")).filter((s) -> !s.isEmpty()).map(Long::valueOf).toList();
		List<Long> above = new ArrayList<>(ids.subList(0, ids.size() - 1));
		Collections.reverse(above);
		return above;
	}

}
