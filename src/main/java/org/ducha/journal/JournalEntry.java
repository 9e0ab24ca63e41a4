package org.ducha.journal;

import java.time.Instant;

/**
 * One entry of the journal, as stored.
 *
 * @param seq position in the chain, from 1 without gaps
 * @param recordedAt when it was recorded, to the millisecond
 * @param actor login of the person who made the change, or {@code system}
 * @param actorUnitId the unit the actor acted for, or {@code null}
 * @param subjectType the kind of thing changed ({@code unit}, {@code user}, ...)
 * @param subjectId the id of the thing changed
 * @param eventType what happened, in the past tense ({@code UnitCreated})
 * @param data the event's data as canonical JSON
 * @param previousHash hash of the entry before, 64 zeros for the first
 * @param hash SHA-256 over the previous hash and the canonical form of this entry
 */
public record JournalEntry(long seq, Instant recordedAt, String actor, Long actorUnitId, String subjectType,
		String subjectId, String eventType, String data, String previousHash, String hash) {

}
