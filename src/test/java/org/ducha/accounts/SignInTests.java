package org.ducha.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.ducha.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
@Import(SignInTests.Clocks.class)
class SignInTests {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2026-05-08T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Clock applicationClock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private long securityEvents(String login, String event) {
		return this.jdbc.sql("select count(*) from security_event where login = ? and event = ?")
			.params(login, event)
			.query(Long.class)
			.single();
	}

	@Test
	void theApplicationRunsOnTheInjectedClock() {
		assertThat(this.applicationClock).isSameAs(this.clock);
	}

	@Test
	void rightPasswordSignsInAndIsLogged() throws Exception {
		this.mvc.perform(formLogin().user("leader").password(Demo.PASSWORD)).andExpect(redirectedUrl("/"));
		assertThat(securityEvents("leader", "LOGIN")).isEqualTo(1);
	}

	@Test
	void apiCallsAuthenticateWithBasicCredentialsWithoutFillingTheSecurityLog() throws Exception {
		long signIns = securityEvents("leader", "LOGIN");
		this.mvc.perform(get("/api/me").with(httpBasic("leader", Demo.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.login").value("leader"));
		assertThat(securityEvents("leader", "LOGIN")).isEqualTo(signIns);
		// The call carries its own credentials, so no CSRF token is asked for: the POST
		// gets
		// as far as the method check.
		this.mvc.perform(post("/api/me").with(httpBasic("leader", Demo.PASSWORD)))
			.andExpect(status().isMethodNotAllowed());
		// A session (a browser) still needs the token: refused before the method check.
		this.mvc.perform(post("/api/me").with(Demo.as(this.users, "leader")))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(302, 403));
	}

	@Test
	void wrongBasicCredentialsAreRefusedWithoutAChallengeAndCountTowardsTheLockout() throws Exception {
		long failures = securityEvents("sysadmin", "LOGIN_FAILED");
		this.mvc.perform(get("/api/me").with(httpBasic("sysadmin", "not-the-password")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("WWW-Authenticate"));
		assertThat(securityEvents("sysadmin", "LOGIN_FAILED")).isEqualTo(failures + 1);
		assertThat(this.jdbc.sql("select failed_logins from app_user where login = 'sysadmin'")
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void pagesStillSendAnUnauthenticatedBrowserToTheSignInPage() throws Exception {
		this.mvc.perform(get("/ledger").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/ledger")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void wrongPasswordIsRefusedWithAClearReason() throws Exception {
		this.mvc.perform(formLogin().user("office").password("wrong-password-1"))
			.andExpect(redirectedUrl("/login?error=bad"));
		assertThat(securityEvents("office", "LOGIN_FAILED")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void fifthFailureLocksTheAccountForFifteenMinutes() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin().user("auditor").password("wrong-" + i))
				.andExpect(redirectedUrl("/login?error=bad"));
		}
		assertThat(securityEvents("auditor", "LOCKED")).isEqualTo(1);
		this.mvc.perform(formLogin().user("auditor").password(Demo.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
		this.clock.forward(Duration.ofMinutes(14));
		this.mvc.perform(formLogin().user("auditor").password(Demo.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
		this.clock.forward(Duration.ofMinutes(2));
		this.mvc.perform(formLogin().user("auditor").password(Demo.PASSWORD)).andExpect(redirectedUrl("/"));
		assertThat(this.jdbc.sql("select count(*) from journal_entry where event_type = 'UserLocked'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aSuccessfulSignInResetsTheFailureCount() throws Exception {
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(formLogin().user("xiabu").password("wrong-" + i));
		}
		this.mvc.perform(formLogin().user("xiabu").password(Demo.PASSWORD)).andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin().user("xiabu").password("wrong-again"))
			.andExpect(redirectedUrl("/login?error=bad"));
		this.mvc.perform(formLogin().user("xiabu").password(Demo.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void signInWithoutCsrfTokenIsTreatedAsAnExpiredFormAndSignsNobodyIn() throws Exception {
		this.mvc.perform(post("/login").param("username", "office").param("password", Demo.PASSWORD))
			.andExpect(redirectedUrl("/login?expired"));
		assertThat(securityEvents("office", "LOGIN")).isZero();
	}

	@Test
	void signInWithForgedCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/login").param("username", "office")
				.param("password", Demo.PASSWORD)
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("default-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

}
