package org.ducha.disclosure;

import java.util.Set;

import org.ducha.shared.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DisclosureNavigation {

	@Bean
	NavigationItem disclosureNavigationItem() {
		return new NavigationItem("disclosure.nav", "/public/disclosures", Set.of("OFFICE", "HANDLER", "LEADER"), 40);
	}

}
