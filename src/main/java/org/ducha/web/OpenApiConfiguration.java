package org.ducha.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI description says about the API as a whole: its purpose and
 * how a client signs in. The operations come from the controllers under {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI duchaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Ducha (督察) JSON API")
				.version("1")
				.description("Petition cases of an environmental inspection: rounds, batches, intake, assignment, "
						+ "handling reports and review, evidence, closure, look-backs, the ledger and disclosure. "
						+ "Every call runs the same service as its page: roles, unit scope, masking of personal "
						+ "numbers, optimistic locking and the journal are the same. Errors are RFC 9457 problem "
						+ "details naming each problem in Chinese and English. See docs/api/."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
