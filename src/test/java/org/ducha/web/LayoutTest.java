package org.ducha.web;

import java.io.Serializable;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.ducha.shared.NavigationItem;
import org.ducha.shared.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@SpringBootTest
@AutoConfigureMockMvc
class LayoutTest {

	@Autowired
	private MockMvc mvc;

	@Test
	void servesHtmxFromItsWebJarToAnyone() throws Exception {
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("htmx")));
	}

	@Test
	void servesTheStylesheetToAnyone() throws Exception {
		this.mvc.perform(get("/css/ducha.css"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"))
			.andExpect(content().string(containsString(".error-summary")));
	}

	@Test
	void homeGreetsTheUserInChineseByDefault() throws Exception {
		this.mvc.perform(get("/").with(signedIn(officeStaff())))
			.andExpect(status().isOk())
			.andExpect(view().name("home"))
			.andExpect(content().string(allOf(containsString("<html lang=\"zh-CN\">"),
					containsString("<title>首页</title>"), containsString("张三，您好"), containsString("南昌市生态环境保护督察办公室"),
					containsString("督察办"), containsString("领导"), containsString("督察 Ducha"), containsString("退出登录"))));
	}

	@Test
	void languageSwitchTurnsThePageIntoEnglishAndRemembersIt() throws Exception {
		this.mvc.perform(get("/").param("lang", "en").with(signedIn(officeStaff())))
			.andExpect(status().isOk())
			.andExpect(cookie().value(LocaleConfiguration.COOKIE, "en"))
			.andExpect(content().string(allOf(containsString("<html lang=\"en\">"), containsString("Hello, 张三"),
					containsString("Inspection office"), containsString("Sign out"))));
		this.mvc.perform(get("/").cookie(new Cookie(LocaleConfiguration.COOKIE, "en")).with(signedIn(officeStaff())))
			.andExpect(content().string(containsString("Your roles")));
	}

	@Test
	void languageSwitchKeepsThePathAndItsQuery() throws Exception {
		this.mvc.perform(get("/?page=2&lang=en").with(signedIn(officeStaff())))
			.andExpect(content().string(allOf(containsString("href=\"/?page=2&amp;lang=zh_CN\""),
					containsString("href=\"/?page=2&amp;lang=en\""))));
	}

	@Test
	void anUnsupportedLanguageFallsBackToChinese() throws Exception {
		this.mvc.perform(get("/").param("lang", "fr").with(signedIn(officeStaff())))
			.andExpect(content().string(containsString("<html lang=\"zh-CN\">")));
	}

	@Test
	void pagesCarryTheCsrfTokenForFormsAndHtmx() throws Exception {
		this.mvc.perform(get("/").with(signedIn(officeStaff())))
			.andExpect(content().string(allOf(containsString("<meta name=\"_csrf\" content=\""),
					containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">"),
					containsString("hx-headers='{&quot;X-CSRF-TOKEN&quot;: &quot;"),
					stringContainsInOrder("action=\"/logout\"", "method=\"post\"", "type=\"hidden\" name=\"_csrf\""),
					stringContainsInOrder("<script src=\"/webjars/htmx.org/", "/dist/htmx.min.js\" defer>"))));
	}

	@Test
	void navigationShowsTheUsersLinksInOrderAndMarksTheCurrentOne() throws Exception {
		this.mvc.perform(get("/").with(signedIn(officeStaff())))
			.andExpect(
					content().string(allOf(
							stringContainsInOrder("<nav class=\"navigation\"",
									"href=\"/\" aria-current=\"page\">首页</a>", "href=\"/ledger\">返回首页</a>"),
							not(containsString("href=\"/journal\"")))));
	}

	@Test
	void showsTheBannerThatAnActionLeftBehind() throws Exception {
		// Set as the input flash map directly: MockMvc's flashAttr stores it in a mock
		// session that Spring Session replaces.
		FlashMap banner = new FlashMap();
		banner.put("banner", "error.status");
		banner.put("bannerArgs", new Object[] { 42 });
		this.mvc
			.perform(get("/").requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, banner)
				.with(signedIn(officeStaff())))
			.andExpect(content().string(stringContainsInOrder("class=\"banner\" role=\"status\"", "错误代码：42")));
	}

	@Test
	void homeSaysWhoGrantsRolesToSomeoneWithout() throws Exception {
		this.mvc.perform(get("/").with(signedIn(new TestUser("李四", "某县环保局", Set.of(), false))))
			.andExpect(
					content().string(allOf(containsString("您目前没有任何角色"), not(containsString("class=\"navigation\"")))));
	}

	@Test
	void notFoundPageSaysSoInTheUsersLanguage() throws Exception {
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/nowhere")
				.with(signedIn(officeStaff())))
			.andExpect(status().isNotFound())
			.andExpect(content().string(allOf(containsString("找不到此页面"), containsString("href=\"/nowhere?lang=en\""))));
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.cookie(new Cookie(LocaleConfiguration.COOKIE, "en"))
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
				.with(signedIn(officeStaff())))
			.andExpect(content().string(containsString("Page not found")));
	}

	@Test
	void aRefusedCsrfTokenIsExplainedAsAnExpiredForm() throws Exception {
		InvalidCsrfTokenException refused = new InvalidCsrfTokenException(
				new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "expected"), "forged");
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(WebAttributes.ACCESS_DENIED_403, refused)
				.with(signedIn(officeStaff())))
			.andExpect(status().isForbidden())
			.andExpect(content().string(allOf(containsString("表单已过期或无效"), not(containsString("没有权限")))));
	}

	@Test
	void aRefusedCsrfTokenIsRecognisedAfterSendErrorToo() throws Exception {
		InvalidCsrfTokenException refused = new InvalidCsrfTokenException(
				new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "expected"), "forged");
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
				.requestAttr(WebAttributes.ACCESS_DENIED_403, refused)
				.with(signedIn(officeStaff())))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("表单已过期或无效")));
	}

	@Test
	void aVisitorSeesTheLanguageSwitchButNoAccountOrNavigation() throws Exception {
		this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"en\">"), containsString("中文"),
					not(containsString("Sign out")), not(containsString("class=\"navigation\"")))));
	}

	@Test
	void aVisitorAtTheRootIsShownThePublicHomeAndAtAStaffPageIsSentToSignIn() throws Exception {
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(forwardedUrl("/public"));
		this.mvc.perform(get("/ledger").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void aVisitorIsOfferedTheStaffSignInButNotOnTheSignInPageItself() throws Exception {
		this.mvc.perform(get("/public/disclosures"))
			.andExpect(content().string(containsString("class=\"header__signin\" href=\"/login\"")));
		this.mvc.perform(get("/login")).andExpect(content().string(not(containsString("header__signin"))));
	}

	@Test
	void forbiddenPageSaysWhoToAsk() throws Exception {
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
				.with(signedIn(officeStaff())))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("没有权限访问此页面")));
	}

	@Test
	void serverErrorPageShowsNoStackTrace() throws Exception {
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
				.with(signedIn(officeStaff())))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(allOf(containsString("系统出现问题"), not(containsString("secret detail")),
					not(containsString("IllegalStateException")), not(containsString("at org.")))));
	}

	private static TestUser officeStaff() {
		return new TestUser("张三", "南昌市生态环境保护督察办公室", Set.of("OFFICE", "LEADER"), false);
	}

	private static RequestPostProcessor signedIn(TestUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils
			.createAuthorityList(user.roleNames().stream().map((role) -> "ROLE_" + role).toArray(String[]::new))));
	}

	record TestUser(String displayName, String unitName, Set<String> roleNames,
			boolean mustChangePassword) implements SignedInUser, AuthenticatedPrincipal, Serializable {

		@Override
		public String login() {
			return "zhangsan";
		}

		@Override
		public String getName() {
			return login();
		}

		@Override
		public Long unitId() {
			return 1L;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Links {

		@Bean
		NavigationItem ledgerLink() {
			return new NavigationItem("error.home", "/ledger", Set.of("OFFICE"), 20);
		}

		@Bean
		NavigationItem homeLink() {
			return new NavigationItem("home.title", "/", Set.of("OFFICE", "HANDLER"), 10);
		}

		@Bean
		NavigationItem journalLink() {
			return new NavigationItem("home.roles", "/journal", Set.of("AUDITOR"), 5);
		}

	}

}
