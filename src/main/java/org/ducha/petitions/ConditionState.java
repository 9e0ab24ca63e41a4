package org.ducha.petitions;

/**
 * How a closure condition was settled: it holds, or the office waived it with a reason.
 */
public enum ConditionState {

	MET, WAIVED

}
