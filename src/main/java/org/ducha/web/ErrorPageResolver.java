package org.ducha.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders every error as {@code error.html} in the user's language, with a message chosen
 * by status, the error's reference (see {@link ReferencedErrorAttributes}), a way back to
 * the page the person came from, and never with a stack trace. A refused form whose CSRF
 * token is missing or stale gets its own message, because the person did nothing wrong:
 * the form expired and reloading it is the fix.
 * <p>
 * Spring Security's access-denied handler, when given an error page, forwards to
 * {@code /error} with the exception in {@link WebAttributes#ACCESS_DENIED_403} and
 * without the servlet error status, which Boot then takes for 500; the 403 is restored
 * here.
 */
@Component
@ConditionalOnWebApplication
class ErrorPageResolver implements ErrorViewResolver {

	private final ErrorAttributes errorAttributes;

	ErrorPageResolver(ErrorAttributes errorAttributes) {
		this.errorAttributes = errorAttributes;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		HttpStatus actual = actualStatus(request, status);
		String messageKey = messageKey(actual, causedByCsrf(request));
		ModelAndView page = new ModelAndView("error", model);
		page.addObject("status", actual.value());
		page.addObject("headingKey", messageKey);
		page.addObject("detailKey", messageKey + ".detail");
		page.addObject("back", backTo(request));
		// Only a server error leaves a form worth going back to: a refused or expired
		// form
		// must be loaded afresh, and a refused upload is not kept by the browser.
		page.addObject("formSent", actual.is5xxServerError() && HttpMethod.POST.matches(request.getMethod()));
		page.setStatus(actual);
		return page;
	}

	/**
	 * Where "back" leads: the page the person came from, when the browser says so and it
	 * is a page of this application; {@code null} otherwise, so that the error page never
	 * links to another site.
	 */
	static String backTo(HttpServletRequest request) {
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null) {
			return null;
		}
		URI from;
		try {
			from = new URI(referer);
		}
		catch (URISyntaxException ex) {
			return null;
		}
		String path = from.getRawPath();
		if (from.getRawAuthority() == null || !sameSite(from.getRawAuthority(), request) || path == null
				|| !path.startsWith(request.getContextPath() + "/") || path.startsWith("//")) {
			return null;
		}
		return (from.getRawQuery() != null) ? path + "?" + from.getRawQuery() : path;
	}

	private static boolean sameSite(String authority, HttpServletRequest request) {
		String host = request.getHeader(HttpHeaders.HOST);
		if (host != null) {
			return authority.equalsIgnoreCase(host);
		}
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
		return authority.equalsIgnoreCase(request.getServerName() + (defaultPort ? "" : ":" + port));
	}

	private static HttpStatus actualStatus(HttpServletRequest request, HttpStatus reported) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
				&& request.getAttribute(WebAttributes.ACCESS_DENIED_403) != null) {
			return HttpStatus.FORBIDDEN;
		}
		return reported;
	}

	static String messageKey(HttpStatus status, boolean csrf) {
		if (status == HttpStatus.FORBIDDEN) {
			return csrf ? "error.403.csrf" : "error.403";
		}
		if (status == HttpStatus.NOT_FOUND) {
			return "error.404";
		}
		if (status == HttpStatus.CONTENT_TOO_LARGE) {
			return "error.413";
		}
		if (status.is5xxServerError()) {
			return "error.500";
		}
		return "error.generic";
	}

	private boolean causedByCsrf(HttpServletRequest request) {
		return isCsrf(request.getAttribute(WebAttributes.ACCESS_DENIED_403))
				|| isCsrf(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))
				|| isCsrf(this.errorAttributes.getError(new ServletWebRequest(request)));
	}

	private static boolean isCsrf(Object error) {
		for (Object cause = error; cause instanceof Throwable throwable; cause = throwable.getCause()) {
			if (throwable instanceof CsrfException) {
				return true;
			}
		}
		return false;
	}

}
