package org.ducha.accounts;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. The three administrators' duties are separated (三员分立): a user who
 * holds one of {@link #SYSADMIN}, {@link #SECADMIN} or {@link #AUDITOR} holds no other
 * role.
 */
public enum Role {

	/** Inspection office staff (督察办): everything in its region. */
	OFFICE,
	/** Handling unit staff (承办): cases assigned to its unit and below. */
	HANDLER,
	/** Leaders (领导): read everything in the region, comment, instruct. */
	LEADER,
	/** Audit administrator (审计员): the journal and the security log, nothing else. */
	AUDITOR,
	/** System administrator (系统管理员): accounts and units; cannot grant roles. */
	SYSADMIN,
	/**
	 * Security administrator (安全管理员): grants roles and sets policies; cannot create
	 * accounts.
	 */
	SECADMIN;

	static final Set<Role> ADMINISTRATIVE = EnumSet.of(AUDITOR, SYSADMIN, SECADMIN);

	/**
	 * Roles whose data scope is the whole region of their unit rather than their unit
	 * alone.
	 */
	static final Set<Role> REGION_WIDE = EnumSet.of(OFFICE, LEADER, SYSADMIN, SECADMIN);

	public String authority() {
		return "ROLE_" + name();
	}

}
