/**
 * Deadlines (时限): the policies that say when something is due, the working calendar they
 * count on, and the state of a clock as every list shows it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "journal" })
package org.ducha.deadlines;
