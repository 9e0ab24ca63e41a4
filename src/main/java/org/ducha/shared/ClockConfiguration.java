package org.ducha.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time. Business rules are evaluated in the installation's zone
 * ({@code ducha.zone}, Asia/Shanghai by default); instants are stored in UTC.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock(@Value("${ducha.zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}

}
