package org.ducha.petitions;

import java.util.Arrays;
import java.util.Optional;

/** The part a unit plays in a case. */
public enum AssignmentRole {

	LEAD("主办"), CO("协办"), TERRITORIAL("属地");

	private final String term;

	AssignmentRole(String term) {
		this.term = term;
	}

	/** The officials' own Chinese term, as it appears in transferred spreadsheets. */
	public String term() {
		return this.term;
	}

	/** The value whose Chinese term or English name is {@code text}. */
	public static Optional<AssignmentRole> fromTerm(String text) {
		String value = (text != null) ? text.strip() : "";
		return Arrays.stream(values())
			.filter((v) -> v.term.equals(value) || v.name().equalsIgnoreCase(value))
			.findFirst();
	}

}
