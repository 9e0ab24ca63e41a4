package org.ducha.petitions;

import java.util.List;

/**
 * What changed between two versions of a handling report, field by field; fields that did
 * not change are left out.
 *
 * @param from the earlier version number
 * @param to the later version number
 */
public record ReportChanges(int from, int to, List<FieldChange> fields) {

	public boolean none() {
		return this.fields.isEmpty();
	}

	/**
	 * One changed field.
	 *
	 * @param field the form field's name, e.g. {@code findings}
	 * @param before the earlier value as text, {@code null} when empty
	 * @param after the later value as text, {@code null} when empty
	 * @param lines for the long texts, the sentences kept, removed and added; empty for
	 * short values
	 */
	public record FieldChange(String field, String before, String after, List<Line> lines) {

	}

	/** A sentence of a long text, kept, removed or added. */
	public record Line(Kind kind, String text) {

	}

	public enum Kind {

		KEPT, REMOVED, ADDED

	}

}
