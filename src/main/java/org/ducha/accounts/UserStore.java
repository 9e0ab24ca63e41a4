package org.ducha.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The user and role tables. */
@Repository
class UserStore {

	private static final String SELECT_USER = """
			select a.id, a.login, a.display_name, a.unit_id, u.name as unit_name, a.enabled, a.locked_until,
			       a.must_change_password, a.version, a.password_hash, a.failed_logins
			from app_user a join unit u on u.id = a.unit_id
			""";

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user with the secrets that only sign-in may see. */
	record Stored(UserAccount account, String passwordHash, int failedLogins) {
	}

	Optional<Stored> byLogin(String login) {
		return first(SELECT_USER + " where a.login = ?", login);
	}

	Optional<Stored> byId(long id) {
		return first(SELECT_USER + " where a.id = ?", id);
	}

	private Optional<Stored> first(String sql, Object key) {
		List<Stored> found = list(sql, key);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	/** Users of the units whose path starts with the prefix, by unit then login. */
	List<UserAccount> inSubtree(String pathPrefix) {
		return list(SELECT_USER + " where u.path like ? order by u.path, a.login", pathPrefix + "%").stream()
			.map(Stored::account)
			.toList();
	}

	private List<Stored> list(String sql, Object param) {
		List<Stored> users = new ArrayList<>();
		this.jdbc.sql(sql).param(param).query((rs) -> {
			OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
			users.add(new Stored(
					new UserAccount(rs.getLong("id"), rs.getString("login"), rs.getString("display_name"),
							rs.getLong("unit_id"), rs.getString("unit_name"), EnumSet.noneOf(Role.class),
							rs.getBoolean("enabled"), (locked != null) ? locked.toInstant() : null,
							rs.getBoolean("must_change_password"), rs.getLong("version")),
					rs.getString("password_hash"), rs.getInt("failed_logins")));
		});
		if (users.isEmpty()) {
			return users;
		}
		Map<Long, Set<Role>> roles = rolesOf(users.stream().map((s) -> s.account().id()).toList());
		return users.stream()
			.map((s) -> new Stored(withRoles(s.account(), roles.getOrDefault(s.account().id(), Set.of())),
					s.passwordHash(), s.failedLogins()))
			.toList();
	}

	private static UserAccount withRoles(UserAccount a, Set<Role> roles) {
		return new UserAccount(a.id(), a.login(), a.displayName(), a.unitId(), a.unitName(),
				roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), a.enabled(), a.lockedUntil(),
				a.mustChangePassword(), a.version());
	}

	private Map<Long, Set<Role>> rolesOf(List<Long> userIds) {
		return this.jdbc.sql("select user_id, role from user_role where user_id in (:ids)")
			.param("ids", userIds)
			.query((rs, row) -> Map.entry(rs.getLong("user_id"), Role.valueOf(rs.getString("role"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
	}

	boolean loginTaken(String login) {
		return this.jdbc.sql("select count(*) from app_user where login = ?")
			.param(login)
			.query(Long.class)
			.single() > 0;
	}

	long count() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	long insert(String login, String displayName, long unitId, String passwordHash, boolean mustChangePassword,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into app_user (login, display_name, unit_id, password_hash, must_change_password, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(login, displayName, unitId, passwordHash, mustChangePassword, utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	boolean update(long id, long expectedVersion, String displayName, long unitId, boolean enabled) {
		return this.jdbc.sql("""
				update app_user set display_name = ?, unit_id = ?, enabled = ?, version = version + 1
				where id = ? and version = ?""")
			.params(displayName, unitId, enabled, id, expectedVersion)
			.update() == 1;
	}

	void setPassword(long id, String passwordHash, boolean mustChange) {
		this.jdbc.sql("""
				update app_user set password_hash = ?, must_change_password = ?, failed_logins = 0,
				  locked_until = null, version = version + 1
				where id = ?""").params(passwordHash, mustChange, id).update();
	}

	boolean replaceRoles(long id, long expectedVersion, Set<Role> roles) {
		int updated = this.jdbc.sql("update app_user set version = version + 1 where id = ? and version = ?")
			.params(id, expectedVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("delete from user_role where user_id = ?").param(id).update();
		for (Role role : roles) {
			this.jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
		}
		return true;
	}

	/** Counts a failed sign-in and returns the new count. */
	int countFailure(String login) {
		this.jdbc.sql("update app_user set failed_logins = failed_logins + 1 where login = ?").param(login).update();
		return this.jdbc.sql("select failed_logins from app_user where login = ?")
			.param(login)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void lock(String login, Instant until) {
		this.jdbc.sql("update app_user set failed_logins = 0, locked_until = ? where login = ?")
			.params(utc(until), login)
			.update();
	}

	void clearFailures(String login) {
		this.jdbc
			.sql("update app_user set failed_logins = 0, locked_until = null where login = ? "
					+ "and (failed_logins > 0 or locked_until is not null)")
			.param(login)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	boolean anyWithRole(Role role) {
		return this.jdbc.sql("select count(*) from user_role where role = ?")
			.param(role.name())
			.query(Long.class)
			.single() > 0;
	}

}
