package org.ducha.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole application on a real database: H2 always, and PostgreSQL too when
 * the build runs with {@code DUCHA_TEST_PG_URL} (the {@code database} tag selects it for
 * that run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("database")
@SpringBootTest
public @interface DatabaseTest {

}
