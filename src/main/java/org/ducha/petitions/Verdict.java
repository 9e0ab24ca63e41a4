package org.ducha.petitions;

import java.util.Arrays;
import java.util.Optional;

/** Whether the complaint was found true (是否属实). */
public enum Verdict {

	TRUE("属实"), MOSTLY_TRUE("基本属实"), PARTLY_TRUE("部分属实"), UNTRUE("不属实");

	private final String term;

	Verdict(String term) {
		this.term = term;
	}

	/** The officials' own Chinese term, as it appears in transferred spreadsheets. */
	public String term() {
		return this.term;
	}

	/** The value whose Chinese term or English name is {@code text}. */
	public static Optional<Verdict> fromTerm(String text) {
		String value = (text != null) ? text.strip() : "";
		return Arrays.stream(values())
			.filter((v) -> v.term.equals(value) || v.name().equalsIgnoreCase(value))
			.findFirst();
	}

}
