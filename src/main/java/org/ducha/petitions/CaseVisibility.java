package org.ducha.petitions;

import java.util.List;
import java.util.Set;

import org.ducha.accounts.AccountQueries;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.SignedInUser;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

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

	private final AccountQueries accounts;

	CaseVisibility(AccountQueries accounts) {
		this.accounts = accounts;
	}

	Scope current() {
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
