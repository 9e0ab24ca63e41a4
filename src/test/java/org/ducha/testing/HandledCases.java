package org.ducha.testing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.ducha.petitions.Completion;
import org.ducha.petitions.HandlingReport;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.PetitionManagement;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.ReportDraft;
import org.ducha.petitions.Verdict;
import org.ducha.rounds.RoundManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Cases brought to the point an API test starts from, through the application's own
 * services and the demo accounts ({@code ducha.demo=true}): registered with the
 * complainant {@link #COMPLAINANT} whose phone {@link #PHONE} is also in the complaint
 * text, and led by the environment bureau (the demo {@code handler}). Each instance makes
 * a round of its own; nobody stays signed in afterwards.
 */
public final class HandledCases {

	/** The complainant's name, which no response to anyone but the office may hold. */
	public static final String COMPLAINANT = "王某某";

	/** The complainant's phone, written into the complaint text as well. */
	public static final String PHONE = "13907990001";

	public static final String BUREAU = "萍乡市生态环境局";

	public static final String XIABU = "湘东区下埠镇人民政府";

	public static final String XIANGDONG = "湘东区人民政府";

	private final UserDetailsService users;

	private final RoundManagement rounds;

	private final PetitionManagement petitions;

	private final PetitionQueries queries;

	private final HandlingReports reports;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long round;

	private int batches;

	public HandledCases(UserDetailsService users, RoundManagement rounds, PetitionManagement petitions,
			PetitionQueries queries, HandlingReports reports, JdbcClient jdbc, Clock clock) {
		this.users = users;
		this.petitions = petitions;
		this.queries = queries;
		this.reports = reports;
		this.jdbc = jdbc;
		this.clock = clock;
		this.rounds = rounds;
		this.round = as("office", () -> Cases.round(rounds));
	}

	/** Runs {@code action} signed in as the demo user {@code login}. */
	public <T> T as(String login, Supplier<T> action) {
		UserDetails user = this.users.loadUserByUsername(login);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	public long round() {
		return this.round;
	}

	/** A new batch of the round, transferred two hours ago. */
	public long batch() {
		int number = ++this.batches;
		return as("office",
				() -> Cases.batch(this.rounds, this.round, number, this.clock.instant().minus(Duration.ofHours(2))));
	}

	/** Registers an air complaint with its complainant in the batch. */
	public long register(long batchId, String receiptNumber) {
		return as("office",
				() -> this.petitions.register(batchId, Cases.airComplaint(receiptNumber, this.clock.instant())));
	}

	public void receive(long batchId) {
		as("office", () -> this.petitions.receiveBatch(batchId));
	}

	/**
	 * Assigns the case to the bureau, with the township 下埠镇 as co-unit and 湘东区 as
	 * territorial government when {@code withTownship}; else the bureau alone, so that
	 * the township's and the district's handlers do not see it.
	 */
	public void assign(long id, boolean withTownship) {
		as("office", () -> {
			this.petitions.assign(id, this.queries.petition(id).version(), unitId(BUREAU),
					withTownship ? List.of(unitId(XIABU)) : List.of(),
					withTownship ? List.of(unitId(XIANGDONG)) : List.of());
			return null;
		});
	}

	/** A case of a batch of its own, received and assigned (see {@link #assign}). */
	public long assigned(String receiptNumber, boolean withTownship) {
		long batch = batch();
		long id = register(batch, receiptNumber);
		receive(batch);
		assign(id, withTownship);
		return id;
	}

	/** The bureau saves a complete draft and submits it. */
	public HandlingReport submitted(long id) {
		return as("handler", () -> {
			HandlingReport draft = this.reports.saveDraft(id, null, complete("经现场核查，举报基本属实。该厂脱硫设施运行不正常。"));
			return this.reports.submit(id, draft.rowVersion());
		});
	}

	/** The bureau submits a complete report and the office approves it. */
	public HandlingReport approved(long id) {
		HandlingReport submitted = submitted(id);
		return as("office", () -> this.reports.approve(id, submitted.rowVersion(), null));
	}

	public long unitId(String name) {
		return this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	/** A report with every part a submission needs. */
	public static ReportDraft complete(String findings) {
		return new ReportDraft(findings, Verdict.MOSTLY_TRUE, "责令该厂立即停产整改，对超标排放行为立案查处，拟处罚款7.93万元。",
				"约谈企业负责人；对属地监管人员诫勉谈话1人。", 1, new BigDecimal("7.93"), 1, 0, 1, 0, "企业脱硫设施不正常运行，超标排放大气污染物。",
				"湘东区生态环境分局日常巡查不到位。", Completion.CLOSED, null);
	}

}
