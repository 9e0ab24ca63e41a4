package org.ducha.deadlines;

/**
 * The colour of a running clock's badge, always shown with words.
 */
public enum ClockState {

	/** Running, with more time left than the policy's warning lead (正常). */
	GREEN,
	/** Running, with less time left than the warning lead (即将到期). */
	YELLOW,
	/** Breached: the due instant has come (已超期). */
	RED

}
