package org.ducha.petitions;

import java.util.Set;

import org.ducha.shared.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PetitionsNavigation {

	@Bean
	NavigationItem workNavigationItem() {
		return new NavigationItem("nav.work", "/work", Set.of("OFFICE", "HANDLER", "LEADER"), 10);
	}

}
