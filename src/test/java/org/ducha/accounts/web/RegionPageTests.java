package org.ducha.accounts.web;

import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class RegionPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void regionListNamesEachRegionsParentRatherThanGivingItsCode() throws Exception {
		this.mvc.perform(get("/regions").with(Demo.as(this.users, "sysadmin")))
			.andExpect(content().string(containsString("<td>360313</td><td>湘东区</td><td>县级</td><td>萍乡市</td>")));
	}

}
