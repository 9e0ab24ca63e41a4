package org.ducha;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time comes only from the injected {@link Clock}: the no-argument {@code now()} methods
 * and the system clock are forbidden in production code, so that every deadline can be
 * tested by moving a clock.
 */
class ClockRuleTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.ducha");

	@Test
	void productionCodeTakesTimeOnlyFromTheInjectedClock() {
		RULE.check(PRODUCTION);
	}

	@Test
	void theRuleCatchesACallToTheSystemClock() {
		assertThat(RULE.evaluate(new ClassFileImporter().importClasses(ReadsTheSystemClock.class)).hasViolation())
			.isTrue();
	}

	static class ReadsTheSystemClock {

		Instant due() {
			return Instant.now().plusSeconds(3600);
		}

	}

	private static final ArchRule RULE = noClasses().should()
		.callMethod(Instant.class, "now")
		.orShould()
		.callMethod(LocalDate.class, "now")
		.orShould()
		.callMethod(LocalDateTime.class, "now")
		.orShould()
		.callMethod(OffsetDateTime.class, "now")
		.orShould()
		.callMethod(ZonedDateTime.class, "now")
		.orShould()
		.callMethod(System.class, "currentTimeMillis")
		.orShould()
		.callMethod(Clock.class, "systemDefaultZone")
		.orShould()
		.callMethod(Clock.class, "systemUTC");

}
