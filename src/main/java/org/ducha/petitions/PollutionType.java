package org.ducha.petitions;

import java.util.Arrays;
import java.util.Optional;

/** The pollution types a complaint concerns (several per case). */
public enum PollutionType {

	AIR("大气"), WATER("水"), SOIL("土壤"), NOISE("噪声"), SOLID_WASTE("固废"), ECOLOGY("生态"), RADIATION("辐射"), MARINE("海洋"),
	OTHER("其他");

	private final String term;

	PollutionType(String term) {
		this.term = term;
	}

	/** The officials' own Chinese term, as it appears in transferred spreadsheets. */
	public String term() {
		return this.term;
	}

	/** The value whose Chinese term or English name is {@code text}. */
	public static Optional<PollutionType> fromTerm(String text) {
		String value = (text != null) ? text.strip() : "";
		return Arrays.stream(values())
			.filter((v) -> v.term.equals(value) || v.name().equalsIgnoreCase(value))
			.findFirst();
	}

}
