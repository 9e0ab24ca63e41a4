package org.ducha.petitions.web;

import java.util.List;

import org.ducha.petitions.PetitionQueries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases as JSON, under the same scope and masking rules as the pages. The complainant is
 * never part of a case; only the office's journaled reveal ({@link CaseApiController})
 * returns them.
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
		return CaseJson.of(id, this.petitions);
	}

	@GetMapping("/batches/{id}/petitions")
	List<CaseJson> ofBatch(@PathVariable long id) {
		return CaseJson.of(this.petitions.ofBatch(id), this.petitions);
	}

}
