package org.ducha.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ducha.shared.Actor;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.NotFound;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of units, users and regions, always limited to the signed-in user's data scope: a
 * read outside it is refused, not filtered silently.
 */
@Service
@Transactional(readOnly = true)
public class AccountQueries {

	private final UnitStore units;

	private final UserStore users;

	AccountQueries(UnitStore units, UserStore users) {
		this.units = units;
		this.users = users;
	}

	/** The data scope of the signed-in user. */
	public DataScope currentScope() {
		Actor actor = CurrentActor.get();
		if (!(actor instanceof DuchaPrincipal principal)) {
			throw new AccessDeniedException("no signed-in user");
		}
		Unit unit = this.units.unit(principal.unitId()).orElseThrow(() -> new NotFound("unit", principal.unitId()));
		return DataScopePolicy.scopeOf(unit, principal.roles(), this::ancestors);
	}

	private List<Unit> ancestors(Unit unit) {
		List<Long> ids = DataScopePolicy.ancestorIds(unit);
		Map<Long, Unit> byId = this.units.units(ids).stream().collect(Collectors.toMap(Unit::id, (u) -> u));
		return ids.stream().map(byId::get).toList();
	}

	public List<Unit> unitsInScope() {
		return this.units.subtree(currentScope().pathPrefix());
	}

	/**
	 * The ids of the units in a scope, for features that filter their own tables by unit.
	 */
	public List<Long> unitIdsIn(DataScope scope) {
		return this.units.subtreeIds(scope.pathPrefix());
	}

	/**
	 * The names of all units by id. Names are not confidential: a handler sees which
	 * other units share its case, and whom it may ask to take a case over.
	 */
	public Map<Long, String> unitNames() {
		return this.units.subtree("/")
			.stream()
			.collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a, java.util.LinkedHashMap::new));
	}

	/** Every unit, parents before children, for pickers that may name any unit. */
	public List<Unit> allUnits() {
		return this.units.subtree("/");
	}

	/** A unit if it exists and lies in the user's scope; empty otherwise (no error). */
	public Optional<Unit> unitIfInScope(long id) {
		DataScope scope = currentScope();
		return this.units.unit(id).filter(scope::includes);
	}

	public Unit unit(long id) {
		Unit unit = this.units.unit(id).orElseThrow(() -> new NotFound("unit", id));
		if (!currentScope().includes(unit)) {
			throw new AccessDeniedException("unit " + id + " is outside the user's scope");
		}
		return unit;
	}

	public List<UserAccount> usersInScope() {
		return this.users.inSubtree(currentScope().pathPrefix());
	}

	public List<UserAccount> usersOf(Unit unit) {
		return this.users.inSubtree(unit.path()).stream().filter((u) -> u.unitId() == unit.id()).toList();
	}

	public UserAccount user(long id) {
		UserAccount user = this.users.byId(id).orElseThrow(() -> new NotFound("user", id)).account();
		unit(user.unitId());
		return user;
	}

	public List<Region> regions() {
		return this.units.regions();
	}

	/** The names of all regions by code, for lists that show a case's districts. */
	public Map<String, String> regionNames() {
		return regions().stream().collect(Collectors.toMap(Region::code, Region::name));
	}

	/**
	 * Whether any security administrator exists (the first one is designated by the
	 * system administrator).
	 */
	public boolean securityAdministratorExists() {
		return this.users.anyWithRole(Role.SECADMIN);
	}

}
