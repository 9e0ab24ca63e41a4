/**
 * Office files in and out: the Excel intake of transferred batches and its template. The
 * only package that uses Apache POI. Uses petitions for the import itself, rounds for the
 * batch, accounts for the regions.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "journal", "accounts", "rounds", "petitions", "disclosure", "deadlines" })
package org.ducha.reports;
