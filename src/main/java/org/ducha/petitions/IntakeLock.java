package org.ducha.petitions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The row an import locks in its round. It is created in a transaction of its own, so
 * that two imports starting together both find it committed, and one of them is told at
 * once that the other is writing.
 */
@Component
class IntakeLock {

	private final PetitionStore store;

	IntakeLock(PetitionStore store) {
		this.store = store;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void create(long roundId) {
		this.store.createIntakeLock(roundId);
	}

}
