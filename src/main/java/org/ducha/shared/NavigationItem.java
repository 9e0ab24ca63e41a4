package org.ducha.shared;

import java.util.Set;

/**
 * A link in the main navigation, contributed by a feature as a bean and shown only to
 * users who hold one of its roles.
 *
 * @param messageKey the bundle key of the link text
 * @param href where it leads
 * @param roles role names (without {@code ROLE_}) that see it
 * @param order position, lowest first
 */
public record NavigationItem(String messageKey, String href, Set<String> roles, int order) {

	public boolean visibleTo(Set<String> userRoles) {
		return this.roles.stream().anyMatch(userRoles::contains);
	}

}
