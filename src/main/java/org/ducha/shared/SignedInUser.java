package org.ducha.shared;

import java.util.Set;

/**
 * What the web shell needs to know about the signed-in person: their name and unit for
 * the header, their roles for the navigation, and whether they must change their password
 * before doing anything else. Implemented by the principal that {@code accounts} puts in
 * the security context.
 */
public interface SignedInUser extends Actor {

	String displayName();

	String unitName();

	/** Role names without the {@code ROLE_} prefix, e.g. {@code OFFICE}. */
	Set<String> roleNames();

	boolean mustChangePassword();

}
