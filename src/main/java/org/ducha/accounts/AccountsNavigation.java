package org.ducha.accounts;

import java.util.Set;

import org.ducha.shared.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsNavigation {

	private static final Set<String> DIRECTORY_READERS = Set.of("OFFICE", "HANDLER", "LEADER", "SYSADMIN", "SECADMIN");

	@Bean
	NavigationItem unitsNavigation() {
		return new NavigationItem("nav.units", "/units", DIRECTORY_READERS, 60);
	}

	@Bean
	NavigationItem usersNavigation() {
		return new NavigationItem("nav.users", "/users", DIRECTORY_READERS, 61);
	}

	@Bean
	NavigationItem regionsNavigation() {
		return new NavigationItem("nav.regions", "/regions", Set.of("SYSADMIN"), 62);
	}

	@Bean
	NavigationItem securityLogNavigation() {
		return new NavigationItem("nav.securityLog", "/audit/security-log", Set.of("AUDITOR"), 81);
	}

}
