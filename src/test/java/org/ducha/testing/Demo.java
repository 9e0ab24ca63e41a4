package org.ducha.testing;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The demonstration accounts, for tests that start with {@code ducha.demo=true}. */
public final class Demo {

	public static final String PASSWORD = "Ducha-2026-demo";

	private Demo() {
	}

	/**
	 * Signs a MockMvc request in as a demo user, with the principal the application
	 * itself builds.
	 */
	public static RequestPostProcessor as(UserDetailsService users, String login) {
		UserDetails user = users.loadUserByUsername(login);
		return SecurityMockMvcRequestPostProcessors.user(user);
	}

	/**
	 * Signs a demo user in on the current thread, for tests that call services directly.
	 * Undo with {@code SecurityContextHolder.clearContext()}.
	 */
	public static void signIn(UserDetailsService users, String login) {
		UserDetails user = users.loadUserByUsername(login);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
