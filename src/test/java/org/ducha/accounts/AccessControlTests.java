package org.ducha.accounts;

import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each role is refused what is outside its duty, and a handler cannot reach a unit or
 * user outside its scope, by page or by API.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class AccessControlTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private long unitId(String name) {
		return this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	private long userId(String login) {
		return this.jdbc.sql("select id from app_user where login = ?").param(login).query(Long.class).single();
	}

	@ParameterizedTest(name = "{0} may not GET {1}")
	@CsvSource({ "handler, /regions", "handler, /audit/journal", "handler, /audit/security-log", "handler, /users/new",
			"handler, /units/new", "leader, /users/new", "leader, /regions", "office, /regions",
			"office, /audit/journal", "auditor, /units", "auditor, /users", "auditor, /api/units",
			"sysadmin, /audit/journal", "sysadmin, /audit/security-log", "secadmin, /users/new", "secadmin, /units/new",
			"secadmin, /regions", "secadmin, /audit/journal" })
	void roleIsRefusedPagesOutsideItsDuty(String login, String path) throws Exception {
		this.mvc.perform(get(path).with(Demo.as(this.users, login))).andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0} may GET {1}")
	@CsvSource({ "auditor, /audit/journal", "auditor, /audit/security-log", "sysadmin, /regions",
			"sysadmin, /users/new", "sysadmin, /units/new", "handler, /units", "leader, /users", "office, /api/units",
			"secadmin, /users" })
	void roleReachesPagesOfItsDuty(String login, String path) throws Exception {
		this.mvc.perform(get(path).with(Demo.as(this.users, login))).andExpect(status().isOk());
	}

	@Test
	void systemAdministratorCannotGrantRoles() throws Exception {
		long handler = userId("handler");
		this.mvc.perform(get("/users/" + handler + "/roles").with(Demo.as(this.users, "sysadmin")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/users/" + handler + "/roles").param("roles", "OFFICE")
				.param("version", "0")
				.with(csrf())
				.with(Demo.as(this.users, "sysadmin")))
			.andExpect(status().isForbidden());
	}

	@Test
	void securityAdministratorCannotCreateAccounts() throws Exception {
		this.mvc
			.perform(post("/users").param("login", "newcomer")
				.param("displayName", "新人")
				.param("unitId", String.valueOf(unitId("萍乡市生态环境局")))
				.param("password", "Strong-pass-2026")
				.with(csrf())
				.with(Demo.as(this.users, "secadmin")))
			.andExpect(status().isForbidden());
		org.assertj.core.api.Assertions
			.assertThat(
					this.jdbc.sql("select count(*) from app_user where login = 'newcomer'").query(Long.class).single())
			.isZero();
	}

	@Test
	void handlerCannotOpenAUnitOutsideItsScope() throws Exception {
		long other = unitId("湘东区人民政府");
		this.mvc.perform(get("/units/" + other).with(Demo.as(this.users, "handler"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/units/" + other).with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
	}

	@Test
	void handlerCannotReadAUserOutsideItsScope() throws Exception {
		long other = userId("xiangdong");
		this.mvc.perform(get("/users/" + other).with(Demo.as(this.users, "handler"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/users/" + other).with(Demo.as(this.users, "handler")))
			.andExpect(status().isForbidden());
	}

	@Test
	void handlerSeesItsOwnUnitAndTheUnitsBelow() throws Exception {
		this.mvc.perform(get("/units/" + unitId("湘东区下埠镇人民政府")).with(Demo.as(this.users, "xiangdong")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/units").with(Demo.as(this.users, "xiangdong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("萍乡市生态环境局"))));
	}

	@Test
	void handlerOfATownshipCannotSeeItsCounty() throws Exception {
		this.mvc.perform(get("/api/units/" + unitId("湘东区人民政府")).with(Demo.as(this.users, "xiabu")))
			.andExpect(status().isForbidden());
	}

	@Test
	void officeSeesTheWholeRegion() throws Exception {
		this.mvc.perform(get("/api/units/" + unitId("湘东区下埠镇人民政府")).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk());
	}

	@Test
	void apiWithoutSignInAnswers401AndPagesRedirectToSignIn() throws Exception {
		this.mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/units")).andExpect(redirectedUrl("/login"));
	}

}
