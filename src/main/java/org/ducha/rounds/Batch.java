package org.ducha.rounds;

import java.time.Instant;

/**
 * A numbered transfer (第N批) within a round.
 *
 * @param receivedAt when the office acknowledged receipt (签收), or {@code null} while the
 * batch waits to be received
 */
public record Batch(long id, long roundId, int number, Instant transferredAt, Instant receivedAt, String receivedBy,
		long version) {

	public boolean received() {
		return this.receivedAt != null;
	}

}
