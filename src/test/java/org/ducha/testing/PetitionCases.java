package org.ducha.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.ducha.deadlines.ClockState;
import org.ducha.petitions.Channel;
import org.ducha.petitions.Completion;
import org.ducha.petitions.NewPetition;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.ducha.petitions.Verdict;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Makes cases for tests of the ledger through the application's own services, signed in
 * as the demo office ({@code ducha.demo=true}). Outcomes and clocks, which other features
 * will set, are written straight to the case.
 */
public final class PetitionCases {

	private static final AtomicInteger ROUNDS = new AtomicInteger();

	private final RoundManagement rounds;

	private final PetitionManagement petitions;

	private final PetitionQueries queries;

	private final UserDetailsService users;

	private final JdbcClient jdbc;

	private final Clock clock;

	public PetitionCases(RoundManagement rounds, PetitionManagement petitions, PetitionQueries queries,
			UserDetailsService users, JdbcClient jdbc, Clock clock) {
		this.rounds = rounds;
		this.petitions = petitions;
		this.queries = queries;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Runs {@code action} signed in as the demo user {@code login}. */
	public <T> T as(String login, Supplier<T> action) {
		UserDetails user = this.users.loadUserByUsername(login);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** A new round in the demo city, with the usual policies. */
	public long round() {
		LocalDate today = LocalDate.now(this.clock);
		return as("office",
				() -> this.rounds.createRound(
						RoundDraft.withDefaultPolicies("第" + ROUNDS.incrementAndGet() + "轮督察", RoundLevel.PROVINCIAL,
								"第一督察组", "360300", today.minusDays(20), today.plusDays(10), "0799-1234567")));
	}

	public long batch(long roundId, int number) {
		return as("office",
				() -> this.rounds.createBatch(roundId, number, this.clock.instant().minus(Duration.ofDays(5))));
	}

	/** Imports the cases into the batch and returns their ids by receipt number. */
	public Map<String, Long> imported(long batchId, List<NewPetition> cases) {
		return as("office", () -> {
			this.petitions.importBatch(batchId, cases, 2);
			long roundId = this.jdbc.sql("select round_id from petition where batch_id = ? fetch first 1 rows only")
				.param(batchId)
				.query(Long.class)
				.single();
			Map<String, Long> ids = new java.util.LinkedHashMap<>();
			for (NewPetition c : cases) {
				ids.put(c.receiptNumber(),
						this.jdbc.sql("select id from petition where round_id = ? and receipt_number = ?")
							.params(roundId, c.receiptNumber())
							.query(Long.class)
							.single());
			}
			return ids;
		});
	}

	/** An ordinary phone case about air in one district, without a complainant. */
	public static NewPetition petition(String receiptNumber, Instant transferredAt, String region) {
		return new NewPetition(receiptNumber, transferredAt, Channel.PHONE, Priority.ORDINARY, "某厂夜间排放刺鼻气体，影响周边居民。",
				null, null, List.of(region), Set.of(PollutionType.AIR), null, null, null);
	}

	public static NewPetition petition(String receiptNumber, Instant transferredAt, String region, PollutionType type,
			String complaint, String complainantName, String complainantPhone) {
		return new NewPetition(receiptNumber, transferredAt, Channel.LETTER, Priority.KEY, complaint, "某石材厂", "某镇某村",
				List.of(region), Set.of(type), null, complainantName, complainantPhone);
	}

	/** Assigns the case to the named lead unit and co-units. */
	public void assign(long petitionId, String lead, String... coUnits) {
		as("office", () -> {
			long version = this.queries.petition(petitionId).version();
			this.petitions.assign(petitionId, version, unitId(lead),
					java.util.Arrays.stream(coUnits).map(this::unitId).toList(), List.of());
			return null;
		});
	}

	public long unitId(String name) {
		return this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * Clears the case's most urgent clock, so that a ledger test controls every clock
	 * state it filters on (imported cases run a real receipt clock from their transfer
	 * time).
	 */
	public void noClock(long petitionId) {
		this.jdbc.sql("update petition set clock_kind = null, clock_state = null, clock_due_at = null where id = ?")
			.param(petitionId)
			.update();
		copyClockState(petitionId, null);
	}

	/** Sets the most urgent running clock, as the deadline sweep will. */
	public void clock(long petitionId, String kind, ClockState state, Instant dueAt) {
		this.jdbc.sql("update petition set clock_kind = ?, clock_state = ?, clock_due_at = ? where id = ?")
			.params(kind, state.name(), dueAt.atOffset(java.time.ZoneOffset.UTC), petitionId)
			.update();
		copyClockState(petitionId, state.name());
	}

	/**
	 * The copies of the clock state that the ledger counts from, as the sweep keeps them.
	 */
	private void copyClockState(long petitionId, String state) {
		this.jdbc.sql("update petition_region set clock_state = ? where petition_id = ?")
			.params(state, petitionId)
			.update();
		this.jdbc.sql("update petition_assignment set clock_state = ? where petition_id = ?")
			.params(state, petitionId)
			.update();
	}

	/** Sets the outcome of the approved report, as the review will. */
	public void outcome(long petitionId, Verdict verdict, Completion completion) {
		this.jdbc.sql("update petition set verdict = ?, completion = ? where id = ?")
			.params(verdict.name(), completion.name(), petitionId)
			.update();
	}

}
