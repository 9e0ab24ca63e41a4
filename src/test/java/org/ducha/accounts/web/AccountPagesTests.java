package org.ducha.accounts.web;

import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
/**
 * The account pages: regions by name, and forms that come back with what was chosen.
 */
class AccountPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusedRolesComeBackTickedAsTheyWereSent() throws Exception {
		long leader = this.jdbc.sql("select id from app_user where login = 'leader'").query(Long.class).single();
		long version = this.jdbc.sql("select version from app_user where id = ?")
			.param(leader)
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/users/" + leader + "/roles").with(csrf())
				.with(Demo.as(this.users, "secadmin"))
				.param("version", String.valueOf(version))
				.param("roles", "LEADER", "AUDITOR"))
			.andExpect(view().name("accounts/user-roles"))
			.andExpect(content().string(allOf(containsString("value=\"AUDITOR\" checked=\"checked\""),
					containsString("value=\"LEADER\" checked=\"checked\""),
					not(containsString("value=\"OFFICE\" checked=\"checked\"")))));
	}

	@Test
	void regionListNamesEachRegionsParentRatherThanGivingItsCode() throws Exception {
		this.mvc.perform(get("/regions").with(Demo.as(this.users, "sysadmin")))
			.andExpect(content().string(containsString("<td>360313</td><td>湘东区</td><td>县级</td><td>萍乡市</td>")));
	}

}
