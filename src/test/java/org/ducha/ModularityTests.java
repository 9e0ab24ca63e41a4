package org.ducha;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is an application module that may use only what its
 * {@code package-info.java} allows; a new dependency between modules is a reviewable
 * change here, not an accident.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(DuchaApplication.class);

	@Test
	void modulesUseOnlyWhatTheyAreAllowedTo() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
