package org.ducha.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context started by a test its own empty database, so that
 * cached contexts never see each other's data: an in-memory H2 database by default, or a
 * fresh schema in the PostgreSQL database named by {@code DUCHA_TEST_PG_URL} when the
 * system property {@code ducha.test.db} is {@code postgresql} (the build's PostgreSQL
 * execution sets it). A test that starts several nodes on one database names it with
 * {@code ducha.test.database}.
 */
public class TestDatabase implements EnvironmentPostProcessor {

	/**
	 * Property naming the database (H2) or schema (PostgreSQL) to share between contexts.
	 */
	public static final String SHARED_NAME = "ducha.test.database";

	public static boolean onPostgres() {
		return "postgresql".equals(System.getProperty("ducha.test.db"));
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if ("configured".equals(System.getProperty("ducha.test.db"))) {
			return; // the caller (a benchmark) configured the database itself
		}
		String name = environment.getProperty(SHARED_NAME, "t" + UUID.randomUUID().toString().replace("-", ""));
		Map<String, Object> properties = new HashMap<>();
		if (onPostgres()) {
			String url = System.getenv("DUCHA_TEST_PG_URL");
			if (url == null || url.isBlank()) {
				throw new IllegalStateException("ducha.test.db=postgresql needs DUCHA_TEST_PG_URL");
			}
			properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
			properties.put("spring.datasource.username", envOr("DUCHA_TEST_PG_USER", "postgres"));
			properties.put("spring.datasource.password", envOr("DUCHA_TEST_PG_PASSWORD", ""));
			properties.put("spring.flyway.schemas", name);
			properties.put("spring.flyway.default-schema", name);
		}
		else {
			properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			properties.put("spring.datasource.username", "sa");
			properties.put("spring.datasource.password", "");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("ducha-test-database", properties));
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
