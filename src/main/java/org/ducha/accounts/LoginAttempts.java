package org.ducha.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.ducha.journal.Journal;
import org.ducha.shared.Actor;
import org.ducha.shared.ApiCallDetails;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins: the fifth in a row locks the account for fifteen minutes. Every
 * attempt goes to the security log, except the successful authentication of each JSON API
 * call ({@link ApiCallDetails}), which is not a sign-in; a lockout is also a change of
 * the account and is journaled.
 */
@Component
class LoginAttempts {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final UserStore users;

	private final SecurityLog log;

	private final Journal journal;

	private final Clock clock;

	LoginAttempts(UserStore users, SecurityLog log, Journal journal, Clock clock) {
		this.users = users;
		this.log = log;
		this.journal = journal;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void succeeded(AuthenticationSuccessEvent event) {
		String login = event.getAuthentication().getName();
		this.users.clearFailures(login);
		if (event.getAuthentication().getDetails() instanceof ApiCallDetails) {
			return;
		}
		this.log.append(login, SecurityLog.Event.LOGIN, remoteAddress(event.getAuthentication()), null);
	}

	@EventListener
	@Transactional
	public void failed(AuthenticationFailureBadCredentialsEvent event) {
		String login = AccountUserDetailsService.normalise(event.getAuthentication().getName());
		String remote = remoteAddress(event.getAuthentication());
		this.log.append(login, SecurityLog.Event.LOGIN_FAILED, remote, null);
		Optional<UserStore.Stored> user = this.users.byLogin(login);
		if (user.isEmpty()) {
			return;
		}
		int failures = this.users.countFailure(login);
		if (failures >= MAX_FAILURES) {
			Instant until = this.clock.instant().plus(LOCK_DURATION);
			this.users.lock(login, until);
			this.log.append(login, SecurityLog.Event.LOCKED, remote, "until " + until);
			this.journal.record(Actor.SYSTEM, "user", user.get().account().id(), "UserLocked",
					Map.of("until", until.toString(), "failures", failures));
		}
	}

	@EventListener
	@Transactional
	public void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
		this.log.append(AccountUserDetailsService.normalise(event.getAuthentication().getName()),
				SecurityLog.Event.LOGIN_WHILE_LOCKED, remoteAddress(event.getAuthentication()), null);
	}

	@EventListener
	@Transactional
	public void loggedOut(LogoutSuccessEvent event) {
		this.log.append(event.getAuthentication().getName(), SecurityLog.Event.LOGOUT,
				remoteAddress(event.getAuthentication()), null);
	}

	private static String remoteAddress(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
