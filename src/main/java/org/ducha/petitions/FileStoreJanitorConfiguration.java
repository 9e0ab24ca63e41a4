package org.ducha.petitions;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link FileStoreJanitor} every night ({@code ducha.files.janitor-cron}, 03:30
 * by default), on one node at a time under the {@code file-janitor} lock where the
 * deadline sweep's lock provider is on; it is safe on several nodes at once anyway. Tests
 * turn it off with {@code ducha.files.janitor-enabled=false} and call it themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "ducha.files.janitor-enabled", matchIfMissing = true)
@EnableScheduling
class FileStoreJanitorConfiguration {

	@Bean
	NightlyJanitor nightlyFileJanitor(FileStoreJanitor janitor) {
		return new NightlyJanitor(janitor);
	}

	static class NightlyJanitor {

		private final FileStoreJanitor janitor;

		NightlyJanitor(FileStoreJanitor janitor) {
			this.janitor = janitor;
		}

		@Scheduled(cron = "${ducha.files.janitor-cron:0 30 3 * * *}", zone = "${ducha.zone:Asia/Shanghai}")
		@SchedulerLock(name = "file-janitor", lockAtMostFor = "PT1H")
		void sweep() {
			this.janitor.sweep();
		}

	}

}
