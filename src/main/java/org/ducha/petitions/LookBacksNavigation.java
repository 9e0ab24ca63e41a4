package org.ducha.petitions;

import java.util.Set;

import org.ducha.shared.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LookBacksNavigation {

	@Bean
	NavigationItem lookBacksNavigationItem() {
		return new NavigationItem("nav.lookBacks", "/look-backs", Set.of("OFFICE", "LEADER"), 30);
	}

}
