package org.ducha.petitions.web;

import java.util.List;

import org.ducha.petitions.Assignment;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionQueries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases as JSON, under the same scope and masking rules as the pages. The complainant is
 * never part of the API.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class PetitionApiController {

	private final PetitionQueries petitions;

	PetitionApiController(PetitionQueries petitions) {
		this.petitions = petitions;
	}

	@GetMapping("/petitions/{id}")
	CaseJson petition(@PathVariable long id) {
		Petition petition = this.petitions.petition(id);
		return new CaseJson(petition, this.petitions.assignments(List.of(id)).getOrDefault(id, List.of()));
	}

	@GetMapping("/batches/{id}/petitions")
	List<CaseJson> ofBatch(@PathVariable long id) {
		List<Petition> cases = this.petitions.ofBatch(id);
		var assignments = this.petitions.assignments(cases.stream().map(Petition::id).toList());
		return cases.stream().map((p) -> new CaseJson(p, assignments.getOrDefault(p.id(), List.of()))).toList();
	}

	/** A case and its units. */
	record CaseJson(Petition petition, List<Assignment> assignments) {
	}

}
