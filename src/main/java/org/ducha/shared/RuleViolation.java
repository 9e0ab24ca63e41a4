package org.ducha.shared;

import java.util.Arrays;

/**
 * A request that breaks a business rule. Carries a message code from the bundles (and its
 * arguments) so that the web layer can tell the user, in their language, what was wrong.
 * The exception message is the code, for logs.
 */
public class RuleViolation extends RuntimeException {

	private final String code;

	private final transient Object[] args;

	public RuleViolation(String code, Object... args) {
		super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)));
		this.code = code;
		this.args = args;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

}
