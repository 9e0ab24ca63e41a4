/**
 * Inspection rounds (督察轮次) and their transfer batches (交办批次): who inspects which region,
 * when the team is stationed, and the deadline policies the round's cases run under.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "journal", "deadlines", "accounts" })
package org.ducha.rounds;
