package org.ducha.accounts.web;

import java.util.List;
import java.util.Set;

import org.ducha.accounts.AccountQueries;
import org.ducha.accounts.Unit;
import org.ducha.accounts.UserAccount;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.SignedInUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Units and users as JSON, under the same scope rules as the pages. */
@RestController
@RequestMapping("/api")
class AccountApiController {

	private final AccountQueries queries;

	AccountApiController(AccountQueries queries) {
		this.queries = queries;
	}

	/** Who am I: any signed-in user. */
	@GetMapping("/me")
	@PreAuthorize("isAuthenticated()")
	Me me() {
		SignedInUser user = (SignedInUser) CurrentActor.get();
		return new Me(user.login(), user.displayName(), user.unitId(), user.unitName(), user.roleNames());
	}

	@GetMapping("/units")
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER','SYSADMIN','SECADMIN')")
	List<Unit> units() {
		return this.queries.unitsInScope();
	}

	@GetMapping("/units/{id}")
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER','SYSADMIN','SECADMIN')")
	Unit unit(@PathVariable long id) {
		return this.queries.unit(id);
	}

	@GetMapping("/users/{id}")
	@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER','SYSADMIN','SECADMIN')")
	UserAccount user(@PathVariable long id) {
		return this.queries.user(id);
	}

	record Me(String login, String displayName, Long unitId, String unitName, Set<String> roles) {
	}

}
