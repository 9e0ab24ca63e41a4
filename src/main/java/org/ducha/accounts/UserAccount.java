package org.ducha.accounts;

import java.time.Instant;
import java.util.Set;

/** A user as the account pages show it. Never carries the password hash. */
public record UserAccount(long id, String login, String displayName, long unitId, String unitName, Set<Role> roles,
		boolean enabled, Instant lockedUntil, boolean mustChangePassword, long version) {

}
