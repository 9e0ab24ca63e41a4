package org.ducha.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.ducha.shared.SignedInUser;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as the security context holds it (and the session stores it). The
 * lock is decided when the user is loaded, against the application clock.
 */
final class DuchaPrincipal implements UserDetails, CredentialsContainer, SignedInUser, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String login;

	private final String displayName;

	private final long unitId;

	private final String unitName;

	private final Set<Role> roles;

	private final boolean enabled;

	private final boolean locked;

	private final boolean mustChangePassword;

	private String passwordHash;

	DuchaPrincipal(UserAccount account, String passwordHash, Instant now) {
		this.id = account.id();
		this.login = account.login();
		this.displayName = account.displayName();
		this.unitId = account.unitId();
		this.unitName = account.unitName();
		this.roles = Set.copyOf(account.roles());
		this.enabled = account.enabled();
		this.locked = account.lockedUntil() != null && account.lockedUntil().isAfter(now);
		this.mustChangePassword = account.mustChangePassword();
		this.passwordHash = passwordHash;
	}

	long id() {
		return this.id;
	}

	Set<Role> roles() {
		return this.roles;
	}

	@Override
	public String login() {
		return this.login;
	}

	@Override
	public Long unitId() {
		return this.unitId;
	}

	@Override
	public String displayName() {
		return this.displayName;
	}

	@Override
	public String unitName() {
		return this.unitName;
	}

	@Override
	public Set<String> roleNames() {
		return this.roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.login;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DuchaPrincipal that && that.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return this.login;
	}

}
