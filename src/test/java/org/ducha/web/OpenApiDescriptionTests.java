package org.ducha.web;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class OpenApiDescriptionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void theApiIsDescribedForSignedInUsersAndThePagesAreNot() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(Demo.as(this.users, "handler")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value(containsString("Ducha")))
			.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
			.andExpect(jsonPath("$.paths['/api/petitions/{id}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/batches/{id}/import'].post").exists())
			.andExpect(jsonPath("$.paths['/api/petitions/{id}/report'].put").exists())
			.andExpect(jsonPath("$.paths['/api/ledger'].get").exists())
			.andExpect(jsonPath("$.paths['/ledger']").doesNotExist())
			.andExpect(jsonPath("$.paths['/petitions/{id}']").doesNotExist());
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
	}

}
