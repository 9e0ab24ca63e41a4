package org.ducha.disclosure;

import java.util.Locale;

/**
 * The columns of a disclosure table that hold free text, where personal numbers are found
 * and where the office may keep a number or hide words by hand.
 */
public enum TextColumn {

	COMPLAINT, FINDINGS, HANDLING, ACCOUNTABILITY;

	/** The row field, as the JSON API and the forms name it: {@code complaint}. */
	public String field() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The message key of the column's heading. */
	public String messageKey() {
		return "disclosure.column." + field();
	}

	/** The column of a row field, or {@code null} if there is none. */
	static TextColumn ofField(String field) {
		for (TextColumn column : values()) {
			if (column.field().equals(field)) {
				return column;
			}
		}
		return null;
	}

}
