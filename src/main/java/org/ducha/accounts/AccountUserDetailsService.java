package org.ducha.accounts;

import java.time.Clock;
import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for sign-in. Login names are case-insensitive and stored in lower case. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserStore users;

	private final Clock clock;

	AccountUserDetailsService(UserStore users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.users.byLogin(normalise(username))
			.map((stored) -> new DuchaPrincipal(stored.account(), stored.passwordHash(), this.clock.instant()))
			.orElseThrow(() -> new UsernameNotFoundException("no such login"));
	}

	static String normalise(String login) {
		return (login != null) ? login.strip().toLowerCase(Locale.ROOT) : "";
	}

}
