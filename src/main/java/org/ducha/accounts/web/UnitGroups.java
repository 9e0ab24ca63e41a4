package org.ducha.accounts.web;

import java.util.ArrayList;
import java.util.List;

import org.ducha.accounts.Unit;
import org.ducha.accounts.UnitKind;

import org.springframework.stereotype.Component;

/**
 * Units grouped by kind (offices, governments, departments, townships), each group in the
 * order given, for the unit pickers ({@code fragments/units :: picker}). Used in
 * templates as {@code @unitGroups}.
 */
@Component("unitGroups")
class UnitGroups {

	public List<Group> of(List<Unit> units) {
		List<Group> groups = new ArrayList<>();
		for (UnitKind kind : UnitKind.values()) {
			List<Unit> ofKind = units.stream().filter((u) -> u.kind() == kind).toList();
			if (!ofKind.isEmpty()) {
				groups.add(new Group(kind, ofKind));
			}
		}
		return groups;
	}

	/** The units of one kind. */
	public record Group(UnitKind kind, List<Unit> units) {
	}

}
