package org.ducha.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads the acting user from the security context; {@link Actor#SYSTEM} when nobody is
 * signed in.
 */
public final class CurrentActor {

	private CurrentActor() {
	}

	public static Actor get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return actor;
		}
		return Actor.SYSTEM;
	}

}
