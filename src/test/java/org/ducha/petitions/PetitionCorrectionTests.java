package org.ducha.petitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ducha.accounts.AccountManagement;
import org.ducha.accounts.AccountQueries;
import org.ducha.accounts.Role;
import org.ducha.accounts.UnitKind;
import org.ducha.deadlines.ClockState;
import org.ducha.deadlines.DeadlineClock;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;
import org.ducha.shared.EditConflict;
import org.ducha.shared.InvalidInput;
import org.ducha.testing.Cases;
import org.ducha.testing.DatabaseTest;
import org.ducha.testing.Demo;
import org.ducha.reports.TestWorkbooks;
import org.ducha.testing.HandledCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The office corrects a registered case's transfer details: through the service (rules,
 * locking, journal, clocks, import round trip) and through the pages.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "ducha.demo=true")
class PetitionCorrectionTests {

	private static final String REASON = "与督察组第1批交办单核对，登记有误。";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoundManagement rounds;

	@Autowired
	PetitionManagement petitions;

	@Autowired
	PetitionCorrections corrections;

	@Autowired
	PetitionQueries queries;

	@Autowired
	HandlingReports reports;

	@Autowired
	DeadlineClocks clocks;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	AccountQueries accounts;

	@Autowired
	Clock clock;

	private long roundId;

	private long batchId;

	/**
	 * A round whose ordinary and key cases have different report deadlines (3 and 5 days,
	 * as seed 003 has them), and a batch transferred two hours ago.
	 */
	@BeforeEach
	void newBatch() {
		Demo.signIn(this.users, "office");
		this.roundId = this.rounds.createRound(new RoundDraft("第三轮省级生态环境保护督察", RoundLevel.PROVINCIAL, "江西省第三生态环境保护督察组",
				"360300", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), "0799-6660000", "DURATION PT24H",
				"DAY_N 3 24:00", "DAY_N 5 24:00", "DURATION PT6H"));
		this.batchId = Cases.batch(this.rounds, this.roundId, 1, this.clock.instant().minus(Duration.ofHours(2)));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** Two hours ago, to the minute, as a transfer sheet gives it. */
	private Instant twoHoursAgo() {
		return this.clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
	}

	private long register(String number) {
		return this.petitions.register(this.batchId, Cases.airComplaint(number, twoHoursAgo()));
	}

	/** The case as registered, with only the given changes. */
	private TransferDetails details(long id) {
		return this.corrections.details(id);
	}

	private static TransferDetails withPriority(TransferDetails d, Priority priority) {
		return new TransferDetails(d.receiptNumber(), d.transferredAt(), d.channel(), priority, d.complaint(),
				d.reportedObject(), d.address(), d.regionCodes(), d.pollutionTypes(), d.repeatOf());
	}

	private static TransferDetails withNumber(TransferDetails d, String number) {
		return new TransferDetails(number, d.transferredAt(), d.channel(), d.priority(), d.complaint(),
				d.reportedObject(), d.address(), d.regionCodes(), d.pollutionTypes(), d.repeatOf());
	}

	private static TransferDetails withTransferredAt(TransferDetails d, Instant at) {
		return new TransferDetails(d.receiptNumber(), at, d.channel(), d.priority(), d.complaint(), d.reportedObject(),
				d.address(), d.regionCodes(), d.pollutionTypes(), d.repeatOf());
	}

	private static TransferDetails withText(TransferDetails d, String complaint, List<String> regions,
			Set<PollutionType> types) {
		return new TransferDetails(d.receiptNumber(), d.transferredAt(), d.channel(), d.priority(), complaint,
				d.reportedObject(), d.address(), regions, types, d.repeatOf());
	}

	private List<String> journal(long id, String eventType) {
		return this.jdbc.sql("""
				select data from journal_entry where subject_type = 'petition' and subject_id = ? and event_type = ?
				order by seq""").params(String.valueOf(id), eventType).query(String.class).list();
	}

	private DeadlineClock clockOf(long id, String kind) {
		return this.clocks.of("petition", id)
			.stream()
			.filter((c) -> c.kind().equals(kind))
			.reduce((a, b) -> b)
			.orElseThrow();
	}

	@Test
	void theOfficeCorrectsTheTransferDetailsAndTheCaseGetsANewVersion() {
		long id = register("D3JX202611210001");
		Petition before = this.queries.petition(id);
		TransferDetails corrected = withText(withPriority(details(id), Priority.KEY), "湘东区下埠镇某陶瓷厂夜间生产，烟囱冒黑烟。",
				List.of("360313", "360323"), EnumSet.of(PollutionType.AIR, PollutionType.SOIL));
		Correction correction = this.corrections.correct(id, before.version(), corrected, REASON);
		Petition after = this.queries.petition(id);
		assertThat(after.priority()).isEqualTo(Priority.KEY);
		assertThat(after.complaint()).isEqualTo("湘东区下埠镇某陶瓷厂夜间生产，烟囱冒黑烟。");
		assertThat(after.regionCodes()).containsExactly("360313", "360323");
		assertThat(after.pollutionTypes()).containsExactlyInAnyOrder(PollutionType.AIR, PollutionType.SOIL);
		assertThat(after.version()).isEqualTo(before.version() + 1);
		assertThat(correction.version()).isEqualTo(after.version());
		assertThat(correction.changes()).extracting(FieldChange::field)
			.containsExactly("priority", "complaint", "regions", "pollutionTypes");
	}

	@Test
	void aCorrectionIsJournaledWithTheReasonAndEachChangeButNeverTheComplainant() {
		long id = register("D3JX202611210001");
		TransferDetails corrected = withText(details(id), "烟囱冒黑烟，请联系我13907990002。", List.of("360313"),
				Set.of(PollutionType.AIR));
		this.corrections.correct(id, 0, corrected, "核对交办单，请致电13907990003");
		assertThat(journal(id, "PetitionCorrected")).singleElement().satisfies((data) -> {
			assertThat(data).contains("核对交办单", "\"field\":\"complaint\"", "请联系我***********", "烟囱冒黑烟")
				.doesNotContain("13907990001", "13907990002", "13907990003", "王某某");
		});
		assertThat(this.petitions.revealComplainant(id, "回访核实满意度")).isEqualTo(new Complainant("王某某", "13907990001"));
	}

	@Test
	void aStaleVersionIsAnEditConflictAndNothingIsWritten() {
		long id = register("D3JX202611210001");
		this.corrections.correct(id, 0, withPriority(details(id), Priority.KEY), REASON);
		assertThatThrownBy(() -> this.corrections.correct(id, 0,
				withText(details(id), "另一种说法", List.of("360313"), Set.of(PollutionType.AIR)), REASON))
			.isInstanceOf(EditConflict.class);
		assertThat(this.queries.petition(id).complaint()).contains("夜间生产");
		assertThat(journal(id, "PetitionCorrected")).hasSize(1);
	}

	@Test
	void handlersAndLeadersCannotCorrect() {
		long id = register("D3JX202611210001");
		TransferDetails corrected = withPriority(details(id), Priority.KEY);
		for (String login : List.of("handler", "leader", "auditor")) {
			Demo.signIn(this.users, login);
			assertThatThrownBy(() -> this.corrections.correct(id, 0, corrected, REASON)).as(login)
				.isInstanceOf(AccessDeniedException.class);
		}
		Demo.signIn(this.users, "office");
		assertThat(this.queries.petition(id).priority()).isEqualTo(Priority.ORDINARY);
	}

	@Test
	void anOfficeOutsideTheRoundsRegionCannotCorrect() {
		long id = register("D3JX202611210001");
		Demo.signIn(this.users, "sysadmin");
		long luxi = this.jdbc.sql("select id from unit where name = '芦溪县人民政府'").query(Long.class).single();
		long countyOffice = this.accountManagement.createUnit("芦溪县生态环境保护督察整改工作办公室", UnitKind.OFFICE, "360323", luxi);
		long user = this.accountManagement.createUser("luxioffice", "芦溪县督察办", countyOffice, "Initial-pass-2026");
		Demo.signIn(this.users, "secadmin");
		this.accountManagement.grantRoles(user, this.accounts.user(user).version(), Set.of(Role.OFFICE));
		Demo.signIn(this.users, "luxioffice");
		assertThatThrownBy(() -> this.corrections.correct(id, 0,
				new TransferDetails("D3JX202611210001", this.clock.instant(), Channel.PHONE, Priority.KEY, "改过的内容",
						null, null, List.of("360313"), Set.of(PollutionType.AIR), null),
				REASON))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(journal(id, "PetitionCorrected")).isEmpty();
	}

	@Test
	void invalidFieldsAreRefusedByTheRulesOfHandRegistrationWithNothingWritten() {
		long id = register("D3JX202611210001");
		TransferDetails d = details(id);
		TransferDetails invalid = new TransferDetails("见附件", d.transferredAt(), d.channel(), null, " ",
				d.reportedObject(), d.address(), List.of("440300"), d.pollutionTypes(), null);
		assertThatThrownBy(() -> this.corrections.correct(id, 0, invalid, " ")).isInstanceOf(InvalidInput.class)
			.satisfies((ex) -> assertThat(((InvalidInput) ex).problems()).extracting(InvalidInput.Problem::field)
				.containsExactlyInAnyOrder("reason", "receiptNumber", "priority", "complaint", "regions"));
		Petition after = this.queries.petition(id);
		assertThat(after.version()).isZero();
		assertThat(after.receiptNumber()).isEqualTo("D3JX202611210001");
		assertThat(journal(id, "PetitionCorrected")).isEmpty();
	}

	@Test
	void aCorrectionThatChangesNothingIsRefused() {
		long id = register("D3JX202611210001");
		assertThatThrownBy(() -> this.corrections.correct(id, 0, details(id), REASON)).isInstanceOf(InvalidInput.class)
			.extracting((ex) -> ((InvalidInput) ex).problems().get(0).code())
			.isEqualTo("correction.unchanged");
	}

	@Test
	void aComplaintDifferingOnlyInLineBreaksIsNotAChange() {
		long id = register("D3JX202611210001");
		this.corrections.correct(id, 0,
				withText(details(id), "第一行\n第二行 13907990001", List.of("360313"), Set.of(PollutionType.AIR)), REASON);
		String hash = this.jdbc.sql("select content_hash from petition where id = ?")
			.param(id)
			.query(String.class)
			.single();
		Correction correction = this.corrections.correct(id, 1,
				withPriority(
						withText(details(id), "第一行\r\n第二行 13907990001 ", List.of("360313"), Set.of(PollutionType.AIR)),
						Priority.KEY),
				REASON);
		assertThat(correction.changes()).extracting(FieldChange::field).containsExactly("priority");
		assertThat(this.queries.petition(id).complaint()).isEqualTo("第一行\n第二行 13907990001");
		assertThat(
				this.jdbc.sql("select content_hash from petition where id = ?").param(id).query(String.class).single())
			.isNotEqualTo(hash);
	}

	@Test
	void aMistypedReceiptNumberIsCorrectedButStaysUniqueInTheRound() {
		long id = register("D3JX202611210001");
		register("D3JX202611210002");
		assertThatThrownBy(() -> this.corrections.correct(id, 0, withNumber(details(id), "D3JX202611210002"), REASON))
			.isInstanceOf(InvalidInput.class)
			.extracting((ex) -> ((InvalidInput) ex).problems().get(0).code())
			.isEqualTo("intake.receiptNumber.exists");
		this.corrections.correct(id, 0, withNumber(details(id), "D3JX202611210010"), REASON);
		assertThat(this.queries.petition(id).receiptNumber()).isEqualTo("D3JX202611210010");
	}

	@Test
	void aRepeatPointsOnlyToACaseRegisteredEarlier() {
		long first = register("D3JX202611210001");
		long second = register("D3JX202611210002");
		TransferDetails d = details(first);
		TransferDetails repeatsLater = new TransferDetails(d.receiptNumber(), d.transferredAt(), d.channel(),
				d.priority(), d.complaint(), d.reportedObject(), d.address(), d.regionCodes(), d.pollutionTypes(),
				"D3JX202611210002");
		assertThatThrownBy(() -> this.corrections.correct(first, 0, repeatsLater, REASON))
			.isInstanceOf(InvalidInput.class)
			.extracting((ex) -> ((InvalidInput) ex).problems().get(0).code())
			.isEqualTo("correction.repeatOf.later");
		TransferDetails s = details(second);
		this.corrections.correct(second, 0,
				new TransferDetails(s.receiptNumber(), s.transferredAt(), s.channel(), s.priority(), s.complaint(),
						s.reportedObject(), s.address(), s.regionCodes(), s.pollutionTypes(), "D3JX202611210001"),
				REASON);
		assertThat(this.queries.petition(second).repeatOfId()).isEqualTo(first);
	}

	@Test
	void correctingThePriorityComputesTheRunningReportClockAgainFromTheReceipt() {
		long id = register("D3JX202611210001");
		this.petitions.receiveBatch(this.batchId);
		DeadlineClock ordinary = clockOf(id, "REPORT");
		assertThat(ordinary.policy()).isEqualTo("DAY_N 3 24:00");
		Correction correction = this.corrections.correct(id, this.queries.petition(id).version(),
				withPriority(details(id), Priority.KEY), REASON);
		DeadlineClock key = clockOf(id, "REPORT");
		assertThat(key.id()).isEqualTo(ordinary.id());
		assertThat(key.policy()).isEqualTo("DAY_N 5 24:00");
		assertThat(key.startedAt()).isEqualTo(ordinary.startedAt());
		assertThat(key.dueAt()).isEqualTo(ordinary.dueAt().plus(Duration.ofDays(2)));
		assertThat(this.queries.petition(id).clockDueAt()).isEqualTo(key.dueAt());
		assertThat(correction.clocks()).containsExactly(new ClockChange("REPORT", true, ordinary.dueAt(), key.dueAt()));
		assertThat(journal(id, "DeadlineClockRestated")).singleElement()
			.satisfies((data) -> assertThat(data).contains("DAY_N 5 24:00", "\"previousPolicy\":\"DAY_N 3 24:00\""));
	}

	@Test
	void aReportClockThatHasStoppedKeepsItsResult() {
		HandledCases cases = new HandledCases(this.users, this.rounds, this.petitions, this.queries, this.reports,
				this.jdbc, this.clock);
		long id = cases.assigned("D3JX202611210001", false);
		cases.submitted(id);
		Demo.signIn(this.users, "office");
		DeadlineClock stopped = clockOf(id, "REPORT");
		Correction correction = this.corrections.correct(id, this.queries.petition(id).version(),
				withPriority(details(id), Priority.KEY), REASON);
		assertThat(clockOf(id, "REPORT")).isEqualTo(stopped);
		assertThat(correction.clocks())
			.containsExactly(new ClockChange("REPORT", false, stopped.dueAt(), stopped.dueAt()));
		assertThat(journal(id, "DeadlineClockRestated")).isEmpty();
	}

	@Test
	void correctingTheTransferTimeComputesTheRunningReceiptClockAgain() {
		long id = register("D3JX202611210001");
		assertThat(this.queries.petition(id).clockState()).isEqualTo(ClockState.GREEN);
		Instant dayAndAHalfAgo = this.clock.instant().minus(Duration.ofHours(36)).truncatedTo(ChronoUnit.MINUTES);
		this.corrections.correct(id, 0, withTransferredAt(details(id), dayAndAHalfAgo), REASON);
		DeadlineClock receipt = clockOf(id, "RECEIPT");
		assertThat(receipt.startedAt()).isEqualTo(dayAndAHalfAgo);
		assertThat(receipt.dueAt()).isEqualTo(dayAndAHalfAgo.plus(Duration.ofHours(24)));
		assertThat(this.queries.petition(id).clockState()).isEqualTo(ClockState.RED);
	}

	@Test
	void correctingADisclosedFieldOfAnApprovedCaseSaysTheDisclosureNeedsACorrectionVersion() {
		HandledCases cases = new HandledCases(this.users, this.rounds, this.petitions, this.queries, this.reports,
				this.jdbc, this.clock);
		long id = cases.assigned("D3JX202611210001", false);
		cases.approved(id);
		Demo.signIn(this.users, "office");
		TransferDetails d = details(id);
		Correction channel = this.corrections.correct(id, this.queries.petition(id).version(),
				new TransferDetails(d.receiptNumber(), d.transferredAt(), Channel.LETTER, d.priority(), d.complaint(),
						d.reportedObject(), d.address(), d.regionCodes(), d.pollutionTypes(), d.repeatOf()),
				REASON);
		assertThat(channel.disclosureAffected()).isFalse();
		Correction complaint = this.corrections.correct(id, channel.version(),
				withText(details(id), "更正后的举报内容", d.regionCodes(), d.pollutionTypes()), REASON);
		assertThat(complaint.disclosureAffected()).isTrue();
		assertThat(this.queries.petition(id).status()).isEqualTo(PetitionStatus.APPROVED);
	}

	@Test
	void aCorrectedCaseMatchesTheTeamsRowSoItImportsAgainAsUnchanged() {
		NewPetition registered = Cases.waterComplaint("D3JX202611210001", twoHoursAgo());
		this.petitions.importBatch(this.batchId, List.of(registered), 2);
		long id = this.queries.ofBatch(this.batchId).get(0).id();
		NewPetition teamsRow = new NewPetition(registered.receiptNumber(), registered.transferredAt(),
				registered.channel(), Priority.ORDINARY, "芦溪县宣风镇某养殖场粪污直排袁河支流。", registered.reportedObject(),
				registered.address(), registered.regionCodes(), registered.pollutionTypes(), null, null, null);
		assertThatThrownBy(() -> this.petitions.importBatch(this.batchId, List.of(teamsRow), 2))
			.isInstanceOf(IntakeRejected.class)
			.satisfies((ex) -> assertThat(((IntakeRejected) ex).problems()).singleElement().satisfies((p) -> {
				assertThat(p.code()).isEqualTo("intake.conflict");
				assertThat(p.args()).containsExactly("D3JX202611210001", "/petitions/" + id + "/correction");
				assertThat(p.link()).isEqualTo("/petitions/" + id + "/correction");
			}));
		this.corrections.correct(id, 0,
				withPriority(
						withText(details(id), teamsRow.complaint(), teamsRow.regionCodes(), teamsRow.pollutionTypes()),
						Priority.ORDINARY),
				REASON);
		ImportOutcome again = this.petitions.importBatch(this.batchId, List.of(teamsRow), 2);
		assertThat(again.unchanged()).containsExactly("D3JX202611210001");
		assertThat(again.imported()).isEmpty();
	}

	@Test
	void correctingTheNumberOfARepeatedCaseKeepsTheRepeatImportable() {
		NewPetition original = Cases.waterComplaint("D3JX202611210001", twoHoursAgo());
		NewPetition mistyped = new NewPetition("D3JX202611210091", original.transferredAt(), original.channel(),
				original.priority(), original.complaint(), original.reportedObject(), original.address(),
				original.regionCodes(), original.pollutionTypes(), null, null, null);
		NewPetition repeat = new NewPetition("D3JX202611210002", original.transferredAt(), Channel.PHONE,
				Priority.ORDINARY, "又反映该养殖场粪污直排。", null, null, List.of("360323"), Set.of(PollutionType.WATER),
				"D3JX202611210091", null, null);
		this.petitions.importBatch(this.batchId, List.of(mistyped, repeat), 2);
		long id = this.queries.ofBatch(this.batchId)
			.stream()
			.filter((p) -> p.receiptNumber().equals("D3JX202611210091"))
			.findFirst()
			.orElseThrow()
			.id();
		this.corrections.correct(id, 0, withNumber(details(id), "D3JX202611210001"), REASON);
		NewPetition teamsRepeat = new NewPetition(repeat.receiptNumber(), repeat.transferredAt(), repeat.channel(),
				repeat.priority(), repeat.complaint(), null, null, repeat.regionCodes(), repeat.pollutionTypes(),
				"D3JX202611210001", null, null);
		ImportOutcome again = this.petitions.importBatch(this.batchId, List.of(original, teamsRepeat), 2);
		assertThat(again.unchanged()).containsExactly("D3JX202611210001", "D3JX202611210002");
	}

	// Pages

	/**
	 * The case as the office reads it now: a MockMvc request leaves nobody signed in on
	 * the test's thread.
	 */
	private Petition now(long id) {
		Demo.signIn(this.users, "office");
		return this.queries.petition(id);
	}

	private MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request, long version, String priority,
			String reason) {
		return filled(request, version, priority, reason, "湘东区下埠镇某陶瓷厂夜间生产，烟囱冒黑烟。");
	}

	private MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request, long version, String priority,
			String reason, String complaint) {
		return request.param("version", String.valueOf(version))
			.param("reason", reason)
			.param("receiptNumber", "D3JX202611210001")
			.param("transferredAt", "2026-11-21T09:30")
			.param("channel", "PHONE")
			.param("priority", priority)
			.param("complaint", complaint)
			.param("reportedObject", "萍乡市某陶瓷有限公司")
			.param("address", "湘东区下埠镇工业园")
			.param("regions", "360313")
			.param("pollutionTypes", "AIR")
			.with(csrf());
	}

	@Test
	void theCasePageOffersTheCorrectionToTheOfficeOnly() throws Exception {
		long id = register("D3JX202611210001");
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/petitions/" + id + "/correction")))
			.andExpect(content().string(containsString("更正交办信息")))
			.andExpect(content().string(containsString("<span>湘东区</span>")));
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/petitions/" + id + "/correction"))));
	}

	@Test
	void theFormIsFilledWithTheCaseButNeverTheComplainant() throws Exception {
		long id = register("D3JX202611210001");
		this.mvc.perform(get("/petitions/" + id + "/correction").with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"D3JX202611210001\"")))
			.andExpect(content().string(containsString("请联系我13907990001")))
			.andExpect(content().string(containsString("name=\"version\" value=\"0\"")))
			.andExpect(content().string(not(containsString("王某某"))))
			.andExpect(content().string(not(containsString("complainantPhone"))));
	}

	@Test
	void checkingShowsEachChangeThenSavingGoesBackToTheCaseWithABannerAndHistory() throws Exception {
		long id = register("D3JX202611210001");
		this.mvc
			.perform(filled(post("/petitions/" + id + "/correction"), 0, "KEY", "核对交办单，应为重点件")
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("核对更正内容")))
			.andExpect(content().string(containsString("<td class=\"prose\">普通</td>")))
			.andExpect(content().string(containsString("<td class=\"prose\">重点</td>")))
			.andExpect(content().string(containsString("/petitions/" + id + "/correction/confirm")));
		assertThat(now(id).priority()).isEqualTo(Priority.ORDINARY);
		this.mvc
			.perform(filled(post("/petitions/" + id + "/correction/confirm"), 0, "KEY", "核对交办单，应为重点件")
				.with(Demo.as(this.users, "office")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/petitions/" + id))
			.andExpect(flash().attribute("banner", "correction.saved"));
		assertThat(now(id).priority()).isEqualTo(Priority.KEY);
		this.mvc.perform(get("/petitions/" + id).with(Demo.as(this.users, "leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("更正交办信息")))
			.andExpect(content().string(containsString("理由：核对交办单，应为重点件")))
			.andExpect(content().string(containsString("请联系我***********")))
			.andExpect(content().string(not(containsString("13907990001"))));
	}

	@Test
	void aStaleFormKeepsWhatWasTypedAndShowsTheCaseAsItNowStands() throws Exception {
		long id = register("D3JX202611210001");
		this.corrections.correct(id, 0, withNumber(details(id), "D3JX202611210009"), REASON);
		this.mvc
			.perform(filled(post("/petitions/" + id + "/correction/confirm"), 0, "KEY", "我填写的理由")
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已被他人修改")))
			.andExpect(content().string(containsString("我填写的理由")))
			.andExpect(content().string(containsString("value=\"D3JX202611210001\"")))
			.andExpect(content().string(containsString("<dd>D3JX202611210009</dd>")))
			.andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
		assertThat(now(id).priority()).isEqualTo(Priority.ORDINARY);
	}

	@Test
	void anInvalidFormNamesEachFieldAndWritesNothing() throws Exception {
		long id = register("D3JX202611210001");
		this.mvc
			.perform(filled(post("/petitions/" + id + "/correction/confirm"), 0, "KEY", "", "")
				.with(Demo.as(this.users, "office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#reason\"")))
			.andExpect(content().string(containsString("href=\"#complaint\"")));
		assertThat(now(id).version()).isZero();
		assertThat(journal(id, "PetitionCorrected")).isEmpty();
	}

	@Test
	void handlersAndLeadersAreRefusedThePages() throws Exception {
		long id = register("D3JX202611210001");
		for (String login : List.of("handler", "leader")) {
			this.mvc.perform(get("/petitions/" + id + "/correction").with(Demo.as(this.users, login)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(filled(post("/petitions/" + id + "/correction/confirm"), 0, "KEY", REASON)
					.with(Demo.as(this.users, login)))
				.andExpect(status().isForbidden());
		}
		assertThat(now(id).priority()).isEqualTo(Priority.ORDINARY);
	}

	@Test
	void theImportPageLinksAConflictingRowToTheCasesCorrection() throws Exception {
		MockMultipartFile first = sheet(TestWorkbooks.batch(TestWorkbooks.row("D3JX202405080001", "夜间噪声扰民")));
		this.mvc
			.perform(multipart("/batches/" + this.batchId + "/import").file(first)
				.with(csrf())
				.with(Demo.as(this.users, "office")))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from petition where batch_id = ?")
			.param(this.batchId)
			.query(Long.class)
			.single();
		MockMultipartFile changed = sheet(TestWorkbooks.batch(TestWorkbooks.row("D3JX202405080001", "夜间噪声扰民，已改")));
		for (String lang : List.of("zh", "en")) {
			this.mvc
				.perform(multipart("/batches/" + this.batchId + "/import").file(changed)
					.param("lang", lang)
					.with(csrf())
					.with(Demo.as(this.users, "office")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/petitions/" + id + "/correction\"")))
				.andExpect(content().string(containsString(
						("zh".equals(lang) ? "页面（%s）" : "page (%s)").formatted("/petitions/" + id + "/correction"))))
				.andExpect(content().string(containsString("zh".equals(lang) ? "更正交办信息" : "Correct transfer details")));
		}
	}

	private static MockMultipartFile sheet(byte[] workbook) {
		return new MockMultipartFile("file", "第1批交办信访件.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
	}

}
