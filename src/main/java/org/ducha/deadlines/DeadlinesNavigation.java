package org.ducha.deadlines;

import java.util.Set;

import org.ducha.shared.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadlinesNavigation {

	@Bean
	NavigationItem calendarNavigationItem() {
		return new NavigationItem("calendar.nav", "/calendar", Set.of("SECADMIN", "SYSADMIN"), 63);
	}

}
