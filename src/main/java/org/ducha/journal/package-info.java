/**
 * The append-only, hash-chained journal of every change of state, its verifier and its
 * viewer. Every feature depends on it; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ducha.journal;
