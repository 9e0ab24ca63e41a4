package org.ducha.petitions;

import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why a rule refuses something, as a message code and its arguments, so that a person
 * reads the reason in their language.
 */
record Refusal(String code, Object... args) {

	RuleViolation violation() {
		return new RuleViolation(this.code, this.args);
	}

	/**
	 * A term from the bundles as a message argument, e.g. {@code status.ASSIGNED}; shows
	 * the constant's name where the bundle lacks it (and in logs).
	 */
	static MessageSourceResolvable term(String prefix, Enum<?> value) {
		return new DefaultMessageSourceResolvable(new String[] { prefix + value.name() }, value.name());
	}

}
