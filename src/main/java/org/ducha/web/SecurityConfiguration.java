package org.ducha.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ducha.shared.ApiCallDetails;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * One filter chain for the whole application: form sign-in, sessions in the database,
 * CSRF on every form, HTTP Basic for JSON API clients, a strict Content-Security-Policy
 * and the usual security headers. What each role may do is checked on the services and
 * controllers themselves ({@code @PreAuthorize}); here only the public paths are opened:
 * the home page (the public home for a visitor), sign-in, what was published, and the
 * error page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/public", "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/public/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			// API clients (scripts, other systems) send HTTP Basic credentials with each
			// call.
			// No WWW-Authenticate challenge is sent, so a browser never caches them; and
			// a
			// request that carries its own credentials cannot be forged by another site,
			// so
			// it needs no CSRF token. Pages and htmx keep the session and the token.
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
				.authenticationDetailsSource(ApiCallDetails::new))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(SecurityConfiguration::apiCallWithCredentials))
			.formLogin((form) -> form.loginPage("/login")
				.failureHandler((request, response, exception) -> response
					.sendRedirect(request.getContextPath() + "/login?error=" + failureReason(exception)))
				.defaultSuccessUrl("/", false))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement((sessions) -> sessions.invalidSessionUrl("/login?expired"))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE)
				// Keep the reason for the error page, which explains a refused CSRF token
				// as an expired form.
				.accessDeniedHandler((request, response, denied) -> {
					request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
					response.sendError(HttpServletResponse.SC_FORBIDDEN);
				}))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny())
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.addFilterBefore(new PasswordChangeGate(), AuthorizationFilter.class);
		return http.build();
	}

	static boolean apiCallWithCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
				&& request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static String failureReason(Exception exception) {
		if (exception instanceof LockedException) {
			return "locked";
		}
		if (exception instanceof DisabledException) {
			return "disabled";
		}
		return "bad";
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

}
