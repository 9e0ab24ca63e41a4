package org.ducha.disclosure.web;

import java.util.List;

import org.ducha.disclosure.PublicRound;
import org.ducha.disclosure.PublicRounds;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public home: the inspection teams stationed now and before, their hotlines, and the
 * disclosure tables published so far. What a visitor to {@code /} sees; no sign-in and no
 * script needed.
 */
@Controller
class PublicHomeController {

	private final PublicRounds rounds;

	PublicHomeController(PublicRounds rounds) {
		this.rounds = rounds;
	}

	@GetMapping("/public")
	String home(Model model) {
		List<PublicRound> shown = this.rounds.stationedOrDone();
		model.addAttribute("stationed", shown.stream().filter(PublicRound::stationed).toList());
		model.addAttribute("done", shown.stream().filter((round) -> !round.stationed()).toList());
		return "disclosure/public-home";
	}

}
