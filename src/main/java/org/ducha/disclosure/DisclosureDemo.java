package org.ducha.disclosure;

import org.ducha.rounds.Batch;
import org.ducha.rounds.RoundQueries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * On the first demo start, after the demo cases are loaded, the office publishes the
 * disclosure table of batch 1, so the public page has something to show.
 */
@Component
@Order(20)
class DisclosureDemo implements ApplicationRunner {

	private final Disclosures disclosures;

	private final RoundQueries rounds;

	private final UserDetailsService users;

	private final boolean demo;

	DisclosureDemo(Disclosures disclosures, RoundQueries rounds, UserDetailsService users,
			@Value("${ducha.demo.cases:${ducha.demo:false}}") boolean demo) {
		this.disclosures = disclosures;
		this.rounds = rounds;
		this.users = users;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo || !this.disclosures.published().isEmpty() || this.rounds.rounds().isEmpty()) {
			return;
		}
		UserDetails office = this.users.loadUserByUsername("office");
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
		try {
			Batch first = this.rounds.batches(this.rounds.rounds().get(0).id()).get(0);
			if (!this.disclosures.draft(first.id()).rows().isEmpty()) {
				this.disclosures.publish(first.id(), 0, null);
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
