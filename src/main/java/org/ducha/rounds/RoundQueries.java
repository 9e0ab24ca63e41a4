package org.ducha.rounds;

import java.util.List;

import org.ducha.shared.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads rounds and batches. Rounds are not secret: every staff role may read them, the
 * cases inside are scoped by the petitions feature.
 */
@Service
@Transactional(readOnly = true)
public class RoundQueries {

	private final RoundStore store;

	RoundQueries(RoundStore store) {
		this.store = store;
	}

	public List<Round> rounds() {
		return this.store.rounds();
	}

	public Round round(long id) {
		return this.store.round(id).orElseThrow(() -> new NotFound("round", id));
	}

	public List<Batch> batches(long roundId) {
		return this.store.batches(roundId);
	}

	public Batch batch(long id) {
		return this.store.batch(id).orElseThrow(() -> new NotFound("batch", id));
	}

}
