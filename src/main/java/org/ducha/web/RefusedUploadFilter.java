package org.ducha.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * Keeps an upload that the servlet container refuses as too large answerable by the
 * application. Tomcat parses a multipart body when a parameter is first asked for, and
 * once the body is over {@code spring.servlet.multipart.max-*} every later
 * {@code getParameter} throws: Spring Security's CSRF check asks first, and the error
 * page, which asks again, fails too, leaving Tomcat's own English 413 page. Here a
 * refused body's parameters are those of the query string only (the upload forms carry
 * their CSRF token there), and the refusal stays for whoever reads the parts: Spring
 * MVC's multipart resolver, which turns it into {@link MaxUploadSizeExceededException}
 * for the application's own page or problem detail.
 */
@Component
// Just before Spring Security's filter chain (-100), after the character encoding.
@Order(-101)
class RefusedUploadFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
		chain.doFilter(multipart ? new RefusedUploadRequest(request) : request, response);
	}

	/** A multipart request whose parameters fall back to the query string if refused. */
	static final class RefusedUploadRequest extends HttpServletRequestWrapper {

		private Map<String, String[]> queryParameters;

		RefusedUploadRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			if (this.queryParameters != null) {
				return this.queryParameters;
			}
			try {
				return super.getParameterMap();
			}
			catch (IllegalStateException ex) {
				if (!refusedAsTooLarge()) {
					throw ex;
				}
				this.queryParameters = Collections.unmodifiableMap(parse(getQueryString()));
				return this.queryParameters;
			}
		}

		@Override
		public String getParameter(String name) {
			String[] values = getParameterMap().get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public String[] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		/** Whether the body was refused for its size, as Spring MVC will judge it. */
		private boolean refusedAsTooLarge() {
			try {
				new StandardMultipartHttpServletRequest((HttpServletRequest) getRequest());
				return false;
			}
			catch (MaxUploadSizeExceededException ex) {
				return true;
			}
			catch (MultipartException ex) {
				return false;
			}
		}

		private static Map<String, String[]> parse(String query) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			if (query != null) {
				for (String pair : query.split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					int equals = pair.indexOf('=');
					String name = decode((equals < 0) ? pair : pair.substring(0, equals));
					String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
					values.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
				}
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
			return parameters;
		}

		private static String decode(String text) {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}

	}

}
