package org.ducha.petitions;

import java.util.Arrays;
import java.util.Optional;

/** How the complaint reached the inspection team. */
public enum Channel {

	PHONE("来电"), LETTER("来信"), ONLINE("网络"), VISIT("走访");

	private final String term;

	Channel(String term) {
		this.term = term;
	}

	/** The officials' own Chinese term, as it appears in transferred spreadsheets. */
	public String term() {
		return this.term;
	}

	/** The value whose Chinese term or English name is {@code text}. */
	public static Optional<Channel> fromTerm(String text) {
		String value = (text != null) ? text.strip() : "";
		return Arrays.stream(values())
			.filter((v) -> v.term.equals(value) || v.name().equalsIgnoreCase(value))
			.findFirst();
	}

}
