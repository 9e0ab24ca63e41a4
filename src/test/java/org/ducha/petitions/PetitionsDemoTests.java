package org.ducha.petitions;

import org.ducha.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo start loads a living round: batches received and not, cases in several states.
 */
@DatabaseTest
@TestPropertySource(properties = { "ducha.demo=true", "ducha.demo.cases=true" })
class PetitionsDemoTests {

	@Autowired
	JdbcClient jdbc;

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void demoRoundHasBatchesInSeveralStates() {
		assertThat(count("select count(*) from inspection_round")).isEqualTo(1);
		assertThat(count("select count(*) from transfer_batch")).isEqualTo(3);
		assertThat(count("select count(*) from transfer_batch where received_at is null")).isEqualTo(1);
		assertThat(count("select count(distinct status) from petition")).isGreaterThanOrEqualTo(2);
		assertThat(count("select count(*) from transfer_request where decision = 'PENDING'")).isEqualTo(1);
		for (String status : new String[] { "REGISTERED", "ASSIGNED", "REPORTED", "RETURNED", "CLOSED" }) {
			assertThat(count("select count(*) from petition where status = '" + status + "'")).as(status).isPositive();
		}
		assertThat(count("select count(*) from disclosure_table")).isEqualTo(1);
	}

	@Test
	void demoComplainantsAreSealed() {
		assertThat(count("select count(*) from petition where complainant_phone is not null")).isPositive();
		assertThat(
				count("select count(*) from petition where complainant_phone like '1%' or complainant_phone like '0%'"))
			.isZero();
	}

}
