package org.ducha;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.disclosure.DisclosureRow;
import org.ducha.disclosure.Disclosures;
import org.ducha.petitions.LookBackMethod;
import org.ducha.petitions.LookBacks;
import org.ducha.petitions.PetitionManagement;
import org.ducha.rounds.RoundManagement;
import org.ducha.rounds.RoundQueries;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check constraints keep working after the connections that created them are gone.
 * <p>
 * H2 2.4.240 kept, in every {@code CHECK (column IN (...))} it parsed, a comparator bound
 * to the session that parsed it. On a fresh database that session is the pool connection
 * Flyway ran the migrations on; once the pool retires it (Hikari's 30-minute
 * {@code max-lifetime}), every insert or update the constraint checks fails with "Check
 * constraint invalid ... The database has been closed". A restart parses the constraints
 * again in the database's own session, which hides the fault until the next fresh start.
 * This test retires every connection that ran the migrations and the demo's first writes,
 * then writes through the application's services and rewrites a row of every table that
 * has a check constraint.
 */
@DatabaseTest
// A pool of its own: the test retires the pool's connections and adds a batch, which no
// other class sharing the demo context should see.
@TestPropertySource(properties = { "ducha.demo=true", "ducha.demo.cases=true",
		"spring.datasource.hikari.pool-name=constraints-across-sessions" })
class ConstraintsAcrossSessionsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RoundManagement rounds;

	@Autowired
	RoundQueries roundQueries;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	LookBacks lookBacks;

	@Autowired
	DeadlineClocks clocks;

	@Autowired
	Disclosures disclosures;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void everyCheckConstraintHoldsAfterThePoolRetiresTheConnectionsThatCreatedIt() {
		retireEveryPooledConnection();

		Demo.signIn(this.users, "office");
		long roundId = this.roundQueries.rounds().get(0).id();
		long batchId = this.rounds.createBatch(roundId, 9, Instant.parse("2026-11-24T02:00:00Z"));
		long caseId = this.petitions.register(batchId,
				Cases.airComplaint("D3JX202611240001", Instant.parse("2026-11-24T02:00:00Z")));
		this.petitions.receiveBatch(batchId);
		this.clocks.sweep();
		long closed = this.jdbc.sql("select min(id) from petition where status = 'CLOSED'").query(Long.class).single();
		this.lookBacks.schedule(List.of(closed), List.of(), LookBackMethod.ON_SITE_CHECK, LocalDate.of(2026, 12, 20),
				"回头看：核查整改是否反弹。");
		assertThat(caseId).isPositive();
		long published = this.disclosures.published().get(0).batchId();
		DisclosureRow row = this.disclosures.draft(published).rows().get(0);
		this.disclosures.redactByHand(published, row.receiptNumber(), "complaint", row.complaint().substring(0, 2),
				"举报人所在村组名称。");

		for (Map.Entry<String, String> table : constrainedTables().entrySet()) {
			int rewritten = this.jdbc
				.sql("update " + table.getKey() + " set " + table.getValue() + " = " + table.getValue())
				.update();
			assertThat(rewritten).as("rows of %s whose check constraints ran", table.getKey()).isPositive();
		}
	}

	/**
	 * Closes every connection now in the pool, so that the sessions that ran the
	 * migrations and the first writes are gone and the next statements run on new ones.
	 */
	private void retireEveryPooledConnection() {
		HikariDataSource pool = (HikariDataSource) this.dataSource;
		pool.getHikariPoolMXBean().softEvictConnections();
		assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
	}

	/**
	 * Each table of the application that has a check constraint, with its first column.
	 */
	private Map<String, String> constrainedTables() {
		Map<String, String> tables = new TreeMap<>();
		this.jdbc.sql("""
				select lower(tc.table_name), lower(c.column_name)
				from information_schema.table_constraints tc
				join information_schema.check_constraints cc
				  on cc.constraint_schema = tc.constraint_schema and cc.constraint_name = tc.constraint_name
				join information_schema.columns c
				  on c.table_schema = tc.table_schema and c.table_name = tc.table_name and c.ordinal_position = 1
				where tc.constraint_type = 'CHECK' and tc.table_schema = current_schema()
				  and upper(cc.check_clause) not like '% IS NOT NULL'
				""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			// PostgreSQL lists each NOT NULL as a check constraint too; those are left
			// out above.
			.forEach((e) -> tables.put(e.getKey(), e.getValue()));
		assertThat(tables).containsKeys("petition", "petition_assignment", "handling_report", "deadline_clock",
				"closure_condition", "satisfaction", "look_back", "transfer_request", "inspection_round");
		return tables;
	}

}
