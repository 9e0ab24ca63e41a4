package org.ducha.journal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --ducha.verify-journal}: verifies the chain, prints the result and exits with
 * status 0 when it is intact and 1 when it is broken, for operators and scheduled checks.
 */
@Component
@Order(100)
class JournalCommandLine implements ApplicationRunner {

	private final JournalVerifier verifier;

	private final ApplicationContext context;

	JournalCommandLine(JournalVerifier verifier, ApplicationContext context) {
		this.verifier = verifier;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption("ducha.verify-journal")) {
			return;
		}
		Verification result = this.verifier.verify();
		if (result.intact()) {
			System.out.printf("Journal intact: %d entries verified in %d ms.%n", result.entriesChecked(),
					result.millis());
		}
		else {
			System.out.printf("Journal BROKEN at entry %d (%s); %d entries read.%n", result.firstBrokenSeq(),
					result.reason(), result.entriesChecked());
		}
		int status = result.intact() ? 0 : 1;
		System.exit(SpringApplication.exit(this.context, () -> status));
	}

}
