package org.ducha.shared;

/**
 * Someone else changed the record since the user loaded it (optimistic locking): nothing
 * was written and the user must reload before trying again.
 */
public class EditConflict extends RuleViolation {

	public EditConflict(String subject) {
		super("error.conflict", subject);
	}

	/** A conflict of its own kind, with its own message. */
	protected EditConflict(String code, Object... args) {
		super(code, args);
	}

}
