package org.ducha.petitions;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * My work (我的待办): the cases that need the reader, most urgent first. The office's work is
 * every case to assign, to review, or whose clock runs; a handler's is every case of its
 * units still to be reported or supplemented. As everywhere, personal numbers in the
 * complaint text are masked outside the office.
 */
@Service
@Transactional(readOnly = true)
public class WorkQueue {

	private static final int LIMIT = 200;

	private final PetitionStore store;

	private final CaseVisibility visibility;

	WorkQueue(PetitionStore store, CaseVisibility visibility) {
		this.store = store;
		this.visibility = visibility;
	}

	/** The reader's work, at most 200 cases, most urgent first. */
	public List<Petition> mine() {
		CaseVisibility.Scope scope = this.visibility.current();
		List<Long> ids;
		if (scope.office()) {
			ids = this.store.queue(null, List.of(PetitionStatus.REGISTERED, PetitionStatus.ASSIGNED,
					PetitionStatus.REPORTED, PetitionStatus.RETURNED), LIMIT);
		}
		else if (scope.everything()) {
			ids = this.store.queue(null, List.of(PetitionStatus.ASSIGNED, PetitionStatus.RETURNED), LIMIT);
		}
		else {
			ids = this.store.queue(scope.unitIds(), List.of(PetitionStatus.ASSIGNED, PetitionStatus.RETURNED), LIMIT);
		}
		return this.store.petitions(ids).stream().map((p) -> PetitionQueries.shown(scope, p)).toList();
	}

}
