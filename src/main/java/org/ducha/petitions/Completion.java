package org.ducha.petitions;

import java.util.Arrays;
import java.util.Optional;

/**
 * How far the handling has come (办结情况); a staged case stays tracked until its
 * rectification date.
 */
public enum Completion {

	CLOSED("已办结"), STAGED("阶段性办结"), OPEN("未办结");

	private final String term;

	Completion(String term) {
		this.term = term;
	}

	/** The officials' own Chinese term, as it appears in transferred spreadsheets. */
	public String term() {
		return this.term;
	}

	/** The value whose Chinese term or English name is {@code text}. */
	public static Optional<Completion> fromTerm(String text) {
		String value = (text != null) ? text.strip() : "";
		return Arrays.stream(values())
			.filter((v) -> v.term.equals(value) || v.name().equalsIgnoreCase(value))
			.findFirst();
	}

}
