/**
 * What the public may see: per batch, the disclosure table built from approved cases,
 * with personal numbers redacted, published as immutable versioned snapshots. Reads
 * petitions only through {@code PetitionQueries.publishable}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "journal", "accounts", "rounds", "petitions" })
package org.ducha.disclosure;
