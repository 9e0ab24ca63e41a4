package org.ducha.petitions;

import java.util.Arrays;
import java.util.Optional;

/** Key cases (重点) get their own report deadline. */
public enum Priority {

	ORDINARY("普通"), KEY("重点");

	private final String term;

	Priority(String term) {
		this.term = term;
	}

	/** The officials' own Chinese term, as it appears in transferred spreadsheets. */
	public String term() {
		return this.term;
	}

	/** The value whose Chinese term or English name is {@code text}. */
	public static Optional<Priority> fromTerm(String text) {
		String value = (text != null) ? text.strip() : "";
		return Arrays.stream(values())
			.filter((v) -> v.term.equals(value) || v.name().equalsIgnoreCase(value))
			.findFirst();
	}

}
