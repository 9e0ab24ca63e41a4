package org.ducha.accounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Password rules: at least ten characters, from at least three of the four classes lower
 * case, upper case, digits and other characters, and not the login name.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	/**
	 * The message codes of the rules the password breaks; empty when it is acceptable.
	 */
	static List<String> check(String login, String password) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			problems.add("password.tooShort");
		}
		if (password != null && classes(password) < 3) {
			problems.add("password.tooFewClasses");
		}
		if (password != null && login != null && password.toLowerCase().contains(login.toLowerCase())) {
			problems.add("password.containsLogin");
		}
		return problems;
	}

	private static int classes(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

}
