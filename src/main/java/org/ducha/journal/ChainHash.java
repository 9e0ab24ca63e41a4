package org.ducha.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of the chain: SHA-256 over the previous hash and the canonical form of an
 * entry. Each field is written with its length in front so that no two different entries
 * share a canonical form, whatever characters their fields hold.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(String previousHash, long seq, Instant recordedAt, String actor, Long actorUnitId,
			String subjectType, String subjectId, String eventType, String data) {
		StringBuilder canonical = new StringBuilder(256 + data.length());
		field(canonical, previousHash);
		field(canonical, Long.toString(seq));
		field(canonical, recordedAt.toString());
		field(canonical, actor);
		field(canonical, (actorUnitId != null) ? actorUnitId.toString() : "");
		field(canonical, subjectType);
		field(canonical, subjectId);
		field(canonical, eventType);
		field(canonical, data);
		return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
	}

	static String of(JournalEntry entry) {
		return of(entry.previousHash(), entry.seq(), entry.recordedAt(), entry.actor(), entry.actorUnitId(),
				entry.subjectType(), entry.subjectId(), entry.eventType(), entry.data());
	}

	private static void field(StringBuilder canonical, String value) {
		canonical.append(value.length()).append(':').append(value).append(';');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}
