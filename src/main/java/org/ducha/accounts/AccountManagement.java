package org.ducha.accounts;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.ducha.journal.Journal;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.RuleViolation;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to regions, units, users and roles. Duties are separated: the system
 * administrator manages units and accounts, the security administrator grants roles.
 * Every change is checked against the actor's data scope and journaled in the same
 * transaction.
 */
@Service
@Transactional
public class AccountManagement {

	private static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

	private final UnitStore units;

	private final UserStore users;

	private final AccountQueries queries;

	private final PasswordEncoder passwords;

	private final Journal journal;

	private final Clock clock;

	AccountManagement(UnitStore units, UserStore users, AccountQueries queries, PasswordEncoder passwords,
			Journal journal, Clock clock) {
		this.units = units;
		this.users = users;
		this.queries = queries;
		this.passwords = passwords;
		this.journal = journal;
		this.clock = clock;
	}

	@PreAuthorize("hasRole('SYSADMIN')")
	public void createRegion(String code, String name, RegionLevel level, String parentCode) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		RegionCode regionCode = null;
		try {
			regionCode = RegionCode.of(code);
		}
		catch (RuleViolation ex) {
			problems.add("code", ex.code(), ex.args());
		}
		if (regionCode != null && this.units.region(regionCode.value()).isPresent()) {
			problems.add("code", "region.code.taken", regionCode.value());
		}
		if (name == null || name.isBlank()) {
			problems.add("name", "region.name.required");
		}
		if (level == null) {
			problems.add("level", "region.level.required");
		}
		String parent = (parentCode == null || parentCode.isBlank()) ? null : parentCode.strip();
		if (parent != null && this.units.region(parent).isEmpty()) {
			problems.add("parentCode", "region.parent.unknown", parent);
		}
		problems.throwIfAny();
		Region region = new Region(regionCode.value(), name.strip(), level, parent);
		this.units.insertRegion(region);
		this.journal.record("region", region.code(), "RegionCreated",
				Map.of("name", region.name(), "level", level.name(), "parent", String.valueOf(parent)));
	}

	/** Creates a unit under a parent in the actor's scope. */
	@PreAuthorize("hasRole('SYSADMIN')")
	public long createUnit(String name, UnitKind kind, String regionCode, long parentId) {
		Unit parent = this.queries.unit(parentId);
		String cleanName = checkUnit(name, kind, regionCode, parent, null);
		long id = this.units.insert(cleanName, kind, regionCode, parent);
		this.journal.record("unit", id, "UnitCreated", unitData(cleanName, kind, regionCode, parent));
		return id;
	}

	/**
	 * Changes a unit, possibly moving it (with its subtree) under another parent.
	 * @param version the version the user saw; a different current version is an edit
	 * conflict
	 */
	@PreAuthorize("hasRole('SYSADMIN')")
	public void updateUnit(long id, long version, String name, UnitKind kind, String regionCode, Long parentId) {
		Unit unit = this.queries.unit(id);
		Unit parent = (parentId != null) ? this.queries.unit(parentId) : null;
		if (parent == null && unit.parentId() != null) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("parentId", "unit.parent.required")));
		}
		if (parent == null && !this.queries.currentScope().pathPrefix().equals(unit.path())) {
			throw new AccessDeniedException("only the scope's root may have no parent");
		}
		String cleanName = checkUnit(name, kind, regionCode, parent, unit);
		if (!this.units.update(unit, version, cleanName, kind, regionCode, parent)) {
			throw new EditConflict(unit.name());
		}
		Map<String, Object> data = unitData(cleanName, kind, regionCode, parent);
		data.put("version", version + 1);
		boolean moved = !Objects.equals(unit.parentId(), (parent != null) ? parent.id() : null);
		this.journal.record("unit", id, moved ? "UnitMoved" : "UnitChanged", data);
	}

	private String checkUnit(String name, UnitKind kind, String regionCode, Unit parent, Unit existing) {
		InvalidInput.Collector problems = new InvalidInput.Collector();
		String cleanName = (name != null) ? name.strip() : "";
		if (cleanName.isEmpty()) {
			problems.add("name", "unit.name.required");
		}
		else if (cleanName.length() > 128) {
			problems.add("name", "unit.name.tooLong", 128);
		}
		if (kind == null) {
			problems.add("kind", "unit.kind.required");
		}
		if (regionCode == null || this.units.region(regionCode).isEmpty()) {
			problems.add("regionCode", "unit.region.unknown", String.valueOf(regionCode));
		}
		if (existing != null && parent != null && existing.contains(parent)) {
			problems.add("parentId", "unit.parent.cycle", existing.name(), parent.name());
		}
		if (!cleanName.isEmpty() && this.units.nameTakenUnder((parent != null) ? parent.id() : null, cleanName,
				(existing != null) ? existing.id() : null)) {
			problems.add("name", "unit.name.taken", cleanName);
		}
		problems.throwIfAny();
		return cleanName;
	}

	private static Map<String, Object> unitData(String name, UnitKind kind, String regionCode, Unit parent) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("name", name);
		data.put("kind", kind.name());
		data.put("region", regionCode);
		data.put("parent", (parent != null) ? parent.id() : null);
		return data;
	}

	/**
	 * Creates an account in a unit of the actor's scope with an initial password that the
	 * user must change at first sign-in. Grants no role: that is the security
	 * administrator's duty.
	 */
	@PreAuthorize("hasRole('SYSADMIN')")
	public long createUser(String login, String displayName, long unitId, String initialPassword) {
		String cleanLogin = AccountUserDetailsService.normalise(login);
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (!LOGIN.matcher(cleanLogin).matches()) {
			problems.add("login", "user.login.invalid", cleanLogin);
		}
		else if (this.users.loginTaken(cleanLogin)) {
			problems.add("login", "user.login.taken", cleanLogin);
		}
		checkDisplayName(displayName, problems);
		PasswordPolicy.check(cleanLogin, initialPassword).forEach((code) -> problems.add("password", code));
		Unit unit = this.queries.unit(unitId);
		problems.throwIfAny();
		long id = this.users.insert(cleanLogin, displayName.strip(), unit.id(), this.passwords.encode(initialPassword),
				true, this.clock.instant());
		this.journal.record("user", id, "UserCreated",
				Map.of("login", cleanLogin, "displayName", displayName.strip(), "unit", unit.id()));
		return id;
	}

	private static void checkDisplayName(String displayName, InvalidInput.Collector problems) {
		if (displayName == null || displayName.isBlank()) {
			problems.add("displayName", "user.displayName.required");
		}
		else if (displayName.strip().length() > 64) {
			problems.add("displayName", "user.displayName.tooLong", 64);
		}
	}

	@PreAuthorize("hasRole('SYSADMIN')")
	public void updateUser(long id, long version, String displayName, long unitId, boolean enabled) {
		UserAccount user = this.queries.user(id);
		InvalidInput.Collector problems = new InvalidInput.Collector();
		checkDisplayName(displayName, problems);
		Unit unit = this.queries.unit(unitId);
		if (!enabled && user.login().equals(CurrentActor.get().login())) {
			problems.add("enabled", "user.disableSelf");
		}
		problems.throwIfAny();
		if (!this.users.update(id, version, displayName.strip(), unit.id(), enabled)) {
			throw new EditConflict(user.login());
		}
		this.journal.record("user", id, "UserChanged",
				Map.of("displayName", displayName.strip(), "unit", unit.id(), "enabled", enabled));
	}

	/**
	 * Sets a new initial password that the user must change at the next sign-in; unlocks
	 * the account.
	 */
	@PreAuthorize("hasRole('SYSADMIN')")
	public void resetPassword(long id, String newPassword) {
		UserAccount user = this.queries.user(id);
		InvalidInput.Collector problems = new InvalidInput.Collector();
		PasswordPolicy.check(user.login(), newPassword).forEach((code) -> problems.add("password", code));
		problems.throwIfAny();
		this.users.setPassword(id, this.passwords.encode(newPassword), true);
		this.journal.record("user", id, "PasswordReset", Map.of());
	}

	/** The signed-in user changes their own password, proving the current one. */
	@PreAuthorize("isAuthenticated()")
	public void changeOwnPassword(String currentPassword, String newPassword, String confirmation) {
		String login = CurrentActor.get().login();
		UserStore.Stored stored = this.users.byLogin(login).orElseThrow(() -> new NotFound("user", login));
		InvalidInput.Collector problems = new InvalidInput.Collector();
		if (currentPassword == null || !this.passwords.matches(currentPassword, stored.passwordHash())) {
			problems.add("currentPassword", "password.currentWrong");
		}
		PasswordPolicy.check(login, newPassword).forEach((code) -> problems.add("newPassword", code));
		if (newPassword != null && !newPassword.equals(confirmation)) {
			problems.add("confirmation", "password.confirmationDiffers");
		}
		if (newPassword != null && currentPassword != null && newPassword.equals(currentPassword)) {
			problems.add("newPassword", "password.unchanged");
		}
		problems.throwIfAny();
		this.users.setPassword(stored.account().id(), this.passwords.encode(newPassword), false);
		this.journal.record("user", stored.account().id(), "PasswordChanged", Map.of());
	}

	/**
	 * Replaces a user's roles. The administrative roles exclude every other role, and
	 * nobody changes their own roles.
	 */
	@PreAuthorize("hasRole('SECADMIN')")
	public void grantRoles(long userId, long version, Set<Role> roles) {
		UserAccount user = this.queries.user(userId);
		if (user.login().equals(CurrentActor.get().login())) {
			throw new RuleViolation("role.notOwn");
		}
		checkSeparation(roles);
		writeRoles(user, version, roles);
	}

	/**
	 * Bootstrap of the separation of duties: while no security administrator exists, the
	 * system administrator designates the first one; from then on only security
	 * administrators grant roles.
	 */
	@PreAuthorize("hasRole('SYSADMIN')")
	public void designateFirstSecurityAdministrator(long userId, long version) {
		if (this.queries.securityAdministratorExists()) {
			throw new RuleViolation("role.secadminExists");
		}
		UserAccount user = this.queries.user(userId);
		if (user.login().equals(CurrentActor.get().login())) {
			throw new RuleViolation("role.notOwn");
		}
		writeRoles(user, version, EnumSet.of(Role.SECADMIN));
	}

	static void checkSeparation(Set<Role> roles) {
		for (Role role : roles) {
			if (Role.ADMINISTRATIVE.contains(role) && roles.size() > 1) {
				throw new RuleViolation("role.separation", role.name());
			}
		}
	}

	private void writeRoles(UserAccount user, long version, Set<Role> roles) {
		if (!this.users.replaceRoles(user.id(), version, roles)) {
			throw new EditConflict(user.login());
		}
		this.journal.record("user", user.id(), "RolesGranted",
				Map.of("roles", roles.stream().map(Role::name).sorted().toList(), "before",
						user.roles().stream().map(Role::name).sorted().toList()));
	}

}
