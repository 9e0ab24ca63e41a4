package org.ducha.rounds;

/** Who sent the inspection team. */
public enum RoundLevel {

	CENTRAL, PROVINCIAL, MUNICIPAL

}
