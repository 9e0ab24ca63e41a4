package org.ducha.petitions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.ducha.petitions.Closures;
import org.ducha.petitions.FollowUpMethod;
import org.ducha.petitions.LookBacks;
import org.ducha.petitions.SatisfactionAnswer;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.SignedInUser;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The six-conditions section of the case page (templates/petitions/closure.html): the
 * conditions and follow-ups of the current cycle and of earlier ones, and, for the office
 * and leaders only, the case's look-backs, which the units under inspection must not see
 * coming.
 */
@Component
class ClosureSection {

	private final Closures closures;

	private final LookBacks lookBacks;

	private final Clock clock;

	ClosureSection(Closures closures, LookBacks lookBacks, Clock clock) {
		this.closures = closures;
		this.lookBacks = lookBacks;
		this.clock = clock;
	}

	void addTo(Model model, long petitionId) {
		model.addAttribute("closure", this.closures.overview(petitionId));
		model.addAttribute("satisfactionAnswers", SatisfactionAnswer.values());
		model.addAttribute("followUpMethods", FollowUpMethod.values());
		model.addAttribute("closureToday", LocalDate.ofInstant(this.clock.instant(), this.clock.getZone()));
		model.addAttribute("caseLookBacks", watchesLookBacks() ? this.lookBacks.ofPetition(petitionId) : List.of());
	}

	private static boolean watchesLookBacks() {
		return CurrentActor.get() instanceof SignedInUser user
				&& (user.roleNames().contains("OFFICE") || user.roleNames().contains("LEADER"));
	}

}
