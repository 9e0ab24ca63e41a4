package org.ducha.rounds;

import java.util.Set;

import org.ducha.shared.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoundsNavigation {

	@Bean
	NavigationItem roundsNavigationItem() {
		return new NavigationItem("nav.rounds", "/rounds", Set.of("OFFICE", "HANDLER", "LEADER"), 20);
	}

}
