package org.ducha.petitions;

/**
 * What the complainant said when the office followed up (回访): 满意, 基本满意, 不满意, or the
 * complainant could not be reached (无法联系).
 */
public enum SatisfactionAnswer {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, UNREACHABLE;

	/** Whether this answer settles the public-satisfaction condition. */
	public boolean satisfied() {
		return this == SATISFIED || this == BASICALLY_SATISFIED;
	}

}
