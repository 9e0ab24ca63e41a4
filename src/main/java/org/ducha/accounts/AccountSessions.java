package org.ducha.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Keeps the signed-in user in the session in step with the account, after the user
 * changed something the session holds (the password-change obligation).
 */
@Service
public class AccountSessions {

	private final AccountUserDetailsService users;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	AccountSessions(AccountUserDetailsService users) {
		this.users = users;
	}

	public void refreshSignedInUser(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		UserDetails principal = this.users.loadUserByUsername(current.getName());
		((DuchaPrincipal) principal).eraseCredentials();
		UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(principal,
				null, principal.getAuthorities());
		refreshed.setDetails(current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(refreshed);
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}
