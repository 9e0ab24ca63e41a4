package org.ducha.accounts;

import java.util.EnumSet;

import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;
import org.ducha.testing.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DatabaseTest
@TestPropertySource(properties = "ducha.demo=true")
class AccountManagementTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	AccountQueries queries;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private void signInAs(String login) {
		UserDetails user = this.users.loadUserByUsername(login);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private Unit unit(String name) {
		long id = this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
		signInAs("sysadmin");
		return this.queries.unit(id);
	}

	private long journalEntries(String subjectType, long id) {
		return this.jdbc.sql("select count(*) from journal_entry where subject_type = ? and subject_id = ?")
			.params(subjectType, String.valueOf(id))
			.query(Long.class)
			.single();
	}

	@Test
	void unitCannotMoveUnderItsOwnChild() {
		Unit county = unit("湘东区人民政府");
		Unit township = unit("湘东区下埠镇人民政府");
		long entries = journalEntries("unit", county.id());
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.accounts.updateUnit(county.id(), county.version(), county.name(), county.kind(),
					county.regionCode(), township.id()))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidInput.Problem::code)
				.containsExactly("unit.parent.cycle"));
		assertThat(this.queries.unit(county.id())).isEqualTo(county);
		assertThat(journalEntries("unit", county.id())).isEqualTo(entries);
	}

	@Test
	void movingAUnitMovesItsSubtreeAndIsJournaled() {
		Unit township = unit("芦溪县宣风镇人民政府");
		Unit newParent = unit("萍乡市林业局");
		this.accounts.updateUnit(township.id(), township.version(), township.name(), township.kind(),
				township.regionCode(), newParent.id());
		long child = this.accounts.createUnit("宣风镇林业站", UnitKind.TOWNSHIP, "360323", township.id());
		assertThat(this.queries.unit(township.id()).path()).isEqualTo(newParent.path() + township.id() + "/");
		assertThat(this.queries.unit(child).path()).startsWith(newParent.path());
		assertThat(this.jdbc.sql(
				"select event_type from journal_entry where subject_type = 'unit' and subject_id = ? order by seq desc")
			.param(String.valueOf(township.id()))
			.query(String.class)
			.list()).first().isEqualTo("UnitMoved");
	}

	@Test
	void staleVersionIsAConflictAndChangesNothing() {
		Unit unit = unit("萍乡市水利局");
		this.accounts.updateUnit(unit.id(), unit.version(), "萍乡市水利局（改）", unit.kind(), unit.regionCode(),
				unit.parentId());
		assertThatExceptionOfType(EditConflict.class).isThrownBy(() -> this.accounts.updateUnit(unit.id(),
				unit.version(), "萍乡市水利局（再改）", unit.kind(), unit.regionCode(), unit.parentId()));
		assertThat(this.queries.unit(unit.id()).name()).isEqualTo("萍乡市水利局（改）");
	}

	@Test
	void duplicateLoginIsRefused() {
		long unit = unit("萍乡市生态环境局").id();
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.accounts.createUser("Handler", "重名", unit, "Strong-pass-2026"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidInput.Problem::code)
				.containsExactly("user.login.taken"));
	}

	@Test
	void weakPasswordIsRefusedWithEveryReason() {
		long unit = unit("萍乡市生态环境局").id();
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.accounts.createUser("weakling", "弱密码", unit, "short"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidInput.Problem::code)
				.containsExactlyInAnyOrder("password.tooShort", "password.tooFewClasses"));
		assertThat(this.jdbc.sql("select count(*) from app_user where login = 'weakling'").query(Long.class).single())
			.isZero();
	}

	@Test
	void newUserMustChangeTheInitialPasswordAndHasNoRole() {
		long id = this.accounts.createUser("newcomer", "新同事", unit("萍乡市生态环境局").id(), "Initial-pass-2026");
		UserAccount user = this.queries.user(id);
		assertThat(user.mustChangePassword()).isTrue();
		assertThat(user.roles()).isEmpty();
		assertThat(journalEntries("user", id)).isEqualTo(1);
	}

	@Test
	void systemAdministratorCannotGrantRoles() {
		signInAs("sysadmin");
		long handler = this.queries.usersInScope()
			.stream()
			.filter((u) -> u.login().equals("handler"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.accounts.grantRoles(handler, 0, EnumSet.of(Role.OFFICE)));
	}

	@Test
	void administrativeRolesExcludeEveryOtherRole() {
		signInAs("secadmin");
		UserAccount handler = this.queries.usersInScope()
			.stream()
			.filter((u) -> u.login().equals("handler"))
			.findFirst()
			.orElseThrow();
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(
				() -> this.accounts.grantRoles(handler.id(), handler.version(), EnumSet.of(Role.AUDITOR, Role.HANDLER)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("role.separation"));
		this.accounts.grantRoles(handler.id(), handler.version(), EnumSet.of(Role.HANDLER, Role.LEADER));
		assertThat(this.queries.user(handler.id()).roles()).containsExactlyInAnyOrder(Role.HANDLER, Role.LEADER);
	}

	@Test
	void nobodyChangesTheirOwnRoles() {
		signInAs("secadmin");
		UserAccount self = this.queries.usersInScope()
			.stream()
			.filter((u) -> u.login().equals("secadmin"))
			.findFirst()
			.orElseThrow();
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.accounts.grantRoles(self.id(), self.version(), EnumSet.of(Role.OFFICE)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("role.notOwn"));
	}

	@Test
	void handlerScopeIsItsUnitAndBelow() {
		signInAs("xiangdong");
		assertThat(this.queries.unitsInScope()).extracting(Unit::name)
			.containsExactlyInAnyOrder("湘东区人民政府", "湘东区下埠镇人民政府", "湘东区排上镇人民政府");
	}

}
