/**
 * Deadlines (时限): the policies that say when something is due, the working calendar they
 * count on, the clocks kept for subjects of other features (by type and id, never by
 * importing them), and the sweep that turns those clocks yellow and red.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "journal" })
package org.ducha.deadlines;
