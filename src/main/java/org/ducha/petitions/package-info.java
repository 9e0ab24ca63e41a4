/**
 * Petition cases (信访件): intake of transferred batches, assignment to lead, co- and
 * territorial units, their clocks, the protected complainant, the handling reports with
 * their review, co-units' contributions and evidence files, closing under the six
 * conditions (六个不放过) and look-backs (回头看) that reopen a rebound. Uses rounds for the
 * batch and its policies, deadlines for the clocks, accounts for units and scope.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "journal", "deadlines", "accounts", "rounds" })
package org.ducha.petitions;
