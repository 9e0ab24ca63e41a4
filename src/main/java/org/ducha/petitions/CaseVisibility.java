package org.ducha.petitions;

import java.util.List;
import java.util.Set;

import org.ducha.accounts.AccountQueries;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.SignedInUser;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which cases the signed-in user may read: the office and leaders every case of the
 * region, a handler the cases in which a unit of its scope takes part. Everybody else,
 * none.
 */
@Component
class CaseVisibility {

	/**
	 * @param office whether the reader is the office (sees complaint text unmasked and
	 * may reveal complainants)
	 * @param everything whether every case is visible
	 * @param unitIds otherwise, the units whose cases are visible
	 */
	record Scope(boolean office, boolean everything, List<Long> unitIds) {

	}

	private static final String CACHE = CaseVisibility.class.getName() + ".scope";

	private final AccountQueries accounts;

	CaseVisibility(AccountQueries accounts) {
		this.accounts = accounts;
	}

	/**
	 * The reader's scope, worked out once per web request: a page asks for it many times
	 * (the case, its complainant, its reports, its conditions), and each time would cost
	 * the scope's queries again.
	 */
	Scope current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return compute();
		}
		String login = CurrentActor.get().login();
		if (request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Cached cached
				&& cached.login().equals(login)) {
			return cached.scope();
		}
		Scope scope = compute();
		request.setAttribute(CACHE, new Cached(login, scope), RequestAttributes.SCOPE_REQUEST);
		return scope;
	}

	/** A scope and whom it was worked out for. */
	private record Cached(String login, Scope scope) {
	}

	private Scope compute() {
		if (!(CurrentActor.get() instanceof SignedInUser user)) {
			throw new AccessDeniedException("no signed-in user");
		}
		Set<String> roles = user.roleNames();
		if (roles.contains("OFFICE") || roles.contains("LEADER")) {
			return new Scope(roles.contains("OFFICE"), true, List.of());
		}
		if (roles.contains("HANDLER")) {
			return new Scope(false, false, this.accounts.unitIdsIn(this.accounts.currentScope()));
		}
		throw new AccessDeniedException("petitions are read by the office, handlers and leaders only");
	}

}
