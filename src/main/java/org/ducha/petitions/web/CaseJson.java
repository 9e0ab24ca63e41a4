package org.ducha.petitions.web;

import java.util.List;
import java.util.Map;

import org.ducha.petitions.Assignment;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionQueries;

/**
 * A case and its units as the API shows it: the case as the reader may see it (personal
 * numbers in the complaint masked outside the office), never the complainant.
 */
record CaseJson(Petition petition, List<Assignment> assignments) {

	/** The cases, which the reader may see, each with its units. */
	static List<CaseJson> of(List<Petition> cases, PetitionQueries petitions) {
		Map<Long, List<Assignment>> assignments = petitions.assignments(cases.stream().map(Petition::id).toList());
		return cases.stream().map((p) -> new CaseJson(p, assignments.getOrDefault(p.id(), List.of()))).toList();
	}

	/** One case the reader may see, with its units. */
	static CaseJson of(long id, PetitionQueries petitions) {
		return of(List.of(petitions.petition(id)), petitions).get(0);
	}

}
