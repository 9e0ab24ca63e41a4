package org.ducha.petitions;

import java.util.Set;

import org.ducha.shared.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LedgerNavigation {

	@Bean
	NavigationItem ledgerNavigationItem() {
		return new NavigationItem("nav.ledger", "/ledger", Set.of("OFFICE", "HANDLER", "LEADER"), 30);
	}

}
