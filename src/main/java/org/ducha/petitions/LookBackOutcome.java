package org.ducha.petitions;

/** What a look-back found: the problem stays solved, or it came back (反弹). */
public enum LookBackOutcome {

	NO_REBOUND, REBOUND

}
