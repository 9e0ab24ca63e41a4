package org.ducha.journal;

import java.util.Set;

import org.ducha.shared.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JournalNavigation {

	@Bean
	NavigationItem journalNavigationItem() {
		return new NavigationItem("nav.journal", "/audit/journal", Set.of("AUDITOR"), 80);
	}

}
