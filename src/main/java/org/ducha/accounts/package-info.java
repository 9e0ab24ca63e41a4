/**
 * Regions, units, users and roles; who may see what (data scope), sign-in, lockout and
 * the security log. Uses the journal for every change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "journal" })
package org.ducha.accounts;
