package org.ducha.web;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.ducha.shared.NavigationItem;
import org.ducha.shared.SignedInUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What {@code layout.html} needs on every page: who is signed in, the links they may
 * follow, and where they are (to mark the current link and to switch language without
 * leaving the page).
 */
@ControllerAdvice
class LayoutAdvice {

	private final List<NavigationItem> items;

	LayoutAdvice(ObjectProvider<NavigationItem> items) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	/** The signed-in person, or {@code null} for a visitor. */
	@ModelAttribute("currentUser")
	SignedInUser currentUser(Principal principal) {
		if (principal instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof SignedInUser user) {
			return user;
		}
		return null;
	}

	/**
	 * The links the signed-in person's roles open, lowest order first. None while they
	 * must change their password, since they can do nothing else until they have.
	 */
	@ModelAttribute("navigation")
	List<NavigationItem> navigation(Principal principal) {
		SignedInUser user = currentUser(principal);
		if (user == null || user.mustChangePassword()) {
			return List.of();
		}
		Set<String> roles = user.roleNames();
		return this.items.stream().filter((item) -> item.visibleTo(roles)).toList();
	}

	/**
	 * The path the person asked for, inside the application; on an error page, the path
	 * that failed rather than {@code /error}.
	 */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String uri = firstAttribute(request, RequestDispatcher.ERROR_REQUEST_URI,
				RequestDispatcher.FORWARD_REQUEST_URI);
		if (uri == null) {
			uri = request.getRequestURI();
		}
		String contextPath = request.getContextPath();
		return uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
	}

	/**
	 * The current path with its query (filters, page) but without the language parameter,
	 * for the language switch links to add theirs.
	 */
	@ModelAttribute("currentPathAndQuery")
	String currentPathAndQuery(HttpServletRequest request) {
		String query = firstAttribute(request, RequestDispatcher.ERROR_QUERY_STRING,
				RequestDispatcher.FORWARD_QUERY_STRING);
		if (query == null && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) {
			query = request.getQueryString();
		}
		String path = currentPath(request);
		try {
			return UriComponentsBuilder.fromPath(path)
				.query(query)
				.replaceQueryParam(LocaleConfiguration.PARAMETER)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException malformedQuery) {
			return path;
		}
	}

	private static String firstAttribute(HttpServletRequest request, String... names) {
		for (String name : names) {
			if (request.getAttribute(name) instanceof String value) {
				return value;
			}
		}
		return null;
	}

}
