package org.ducha.deadlines;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link DeadlineClocks#sweep()} every {@code ducha.clocks.sweep-interval} (a minute
 * by default) on whichever node holds the {@code deadline-sweep} lock in the
 * {@code shedlock} table. The lock only saves work: the sweep is safe on several nodes at
 * once. Lock times are the database's, so that nodes with skewed clocks agree on when a
 * lock expires. Tests turn it off with {@code ducha.clocks.sweep-enabled=false} and call
 * the sweep themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "ducha.clocks.sweep-enabled", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
class DeadlineSweepConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.usingDbTime()
			.build());
	}

	@Bean
	DeadlineSweep deadlineSweep(DeadlineClocks clocks) {
		return new DeadlineSweep(clocks);
	}

	static class DeadlineSweep {

		private final DeadlineClocks clocks;

		DeadlineSweep(DeadlineClocks clocks) {
			this.clocks = clocks;
		}

		@Scheduled(fixedDelayString = "${ducha.clocks.sweep-interval:PT1M}")
		@SchedulerLock(name = "deadline-sweep", lockAtMostFor = "PT5M")
		void sweep() {
			this.clocks.sweep();
		}

	}

}
