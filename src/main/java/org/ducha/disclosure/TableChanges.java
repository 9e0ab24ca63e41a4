package org.ducha.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which rows a version adds, removes or changes against the version before it. */
public record TableChanges(List<String> added, List<String> removed, List<String> changed) {

	public boolean none() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

	static TableChanges between(List<DisclosureRow> before, List<DisclosureRow> after) {
		Map<String, DisclosureRow> old = before.stream()
			.collect(Collectors.toMap(DisclosureRow::receiptNumber, Function.identity()));
		Map<String, DisclosureRow> now = after.stream()
			.collect(Collectors.toMap(DisclosureRow::receiptNumber, Function.identity()));
		List<String> added = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		for (DisclosureRow row : after) {
			DisclosureRow previous = old.get(row.receiptNumber());
			if (previous == null) {
				added.add(row.receiptNumber());
			}
			else if (!previous.sameContent(row)) {
				changed.add(row.receiptNumber());
			}
		}
		List<String> removed = before.stream()
			.map(DisclosureRow::receiptNumber)
			.filter((n) -> !now.containsKey(n))
			.toList();
		return new TableChanges(added, removed, changed);
	}

}
