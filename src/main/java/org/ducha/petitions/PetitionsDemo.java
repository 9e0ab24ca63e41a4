package org.ducha.petitions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.ducha.accounts.AccountQueries;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;
import org.ducha.rounds.RoundQueries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demonstration round: on the first demo start, a provincial inspection of 萍乡市 with
 * three batches of cases written for the demo in the style of published disclosure
 * tables, in different states, so that a newcomer sees a working office. Everything goes
 * through the same services, as the office's and a handler's demo users, and is
 * journaled. {@code ducha.demo.cases=false} loads the demo region without the cases
 * (tests do).
 */
@Component
@Order(10)
class PetitionsDemo implements ApplicationRunner {

	private final RoundQueries roundQueries;

	private final RoundManagement rounds;

	private final PetitionManagement petitions;

	private final AccountQueries accounts;

	private final UserDetailsService users;

	private final TransactionTemplate transaction;

	private final HandlingReports reports;

	private final Closures closures;

	private final Clock clock;

	private final boolean demo;

	PetitionsDemo(RoundQueries roundQueries, RoundManagement rounds, PetitionManagement petitions,
			AccountQueries accounts, UserDetailsService users, TransactionTemplate transaction, HandlingReports reports,
			Closures closures, Clock clock, @Value("${ducha.demo.cases:${ducha.demo:false}}") boolean demo) {
		this.roundQueries = roundQueries;
		this.rounds = rounds;
		this.petitions = petitions;
		this.accounts = accounts;
		this.users = users;
		this.transaction = transaction;
		this.reports = reports;
		this.closures = closures;
		this.clock = clock;
		this.demo = demo;
	}

	/** One demo case: who handles it ({@code null} lead: not yet assigned). */
	private record DemoCase(NewPetition petition, String lead, List<String> co, List<String> territorial) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo || !this.roundQueries.rounds().isEmpty()) {
			return;
		}
		try {
			signIn("office");
			this.transaction.executeWithoutResult((status) -> load());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void signIn(String login) {
		UserDetails user = this.users.loadUserByUsername(login);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	private void load() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.clock.getZone());
		long round = this.rounds
			.createRound(RoundDraft.withDefaultPolicies("第三轮江西省生态环境保护督察（萍乡市）", RoundLevel.PROVINCIAL, "江西省第三生态环境保护督察组",
					"360300", today.minusDays(12), today.plusDays(18), "0799-6823000"));
		Map<String, Long> units = unitIds();
		Instant first = now.minus(Duration.ofDays(4)).minus(Duration.ofHours(3));
		long batch1 = this.rounds.createBatch(round, 1, first);
		register(batch1, units, batchOne(first));
		this.petitions.receiveBatch(batch1);
		Instant second = now.minus(Duration.ofDays(1)).minus(Duration.ofHours(2));
		long batch2 = this.rounds.createBatch(round, 2, second);
		register(batch2, units, batchTwo(second));
		this.petitions.receiveBatch(batch2);
		Instant third = now.minus(Duration.ofHours(23));
		long batch3 = this.rounds.createBatch(round, 3, third);
		register(batch3, units, batchThree(third));
		Petition dump = this.petitions.assignableOf(batch2)
			.stream()
			.filter((p) -> p.receiptNumber().equals("D3JX2026110008"))
			.findFirst()
			.orElseThrow();
		signIn("handler");
		this.petitions.requestTransfer(dump.id(), units.get("萍乡市林业局"), "现场主要问题为毁林和山体植被破坏，属林业部门职责，建议由市林业局主办，生态环境局协办。");
		signIn("office");
		handleBatchOne(batch1);
	}

	/**
	 * Case 1 reported, approved and closed; case 3 returned for supplement; case 4
	 * waiting for review.
	 */
	private void handleBatchOne(long batch) {
		Map<String, Petition> cases = new java.util.HashMap<>();
		this.petitions.assignableOf(batch).forEach((p) -> cases.put(p.receiptNumber(), p));
		long closed = cases.get("D3JX2026110001").id();
		long returned = cases.get("D3JX2026110003").id();
		long reported = cases.get("D3JX2026110004").id();
		signIn("handler");
		HandlingReport first = submit(closed,
				new ReportDraft("经调查，举报基本属实。该公司2条窑炉生产线夜间生产时脱硫设施未正常运行，二氧化硫排放浓度超标；厂区周边异味明显。", Verdict.MOSTLY_TRUE,
						"1.责令该公司立即停产整改，更换脱硫塔喷淋系统；2.对超标排放行为立案查处，处罚款7.93万元；3.安装在线监测设备并与生态环境部门联网。",
						"对企业负责人进行约谈；对下埠镇分管环保工作的副镇长诫勉谈话。", 1, new BigDecimal("7.93"), 1, 0, 1, 0,
						"企业脱硫设施不正常运行，超标排放大气污染物。", "属地日常巡查不到位，未及时发现夜间超标排放。", Completion.CLOSED, null));
		HandlingReport third = submit(returned,
				new ReportDraft("经调查，举报属实。该厂在厂区东侧露天堆放废渣约200吨，未采取防雨防渗措施。", Verdict.TRUE, "责令该厂7日内将废渣转移至有资质单位处置。",
						"正在调查。", 0, BigDecimal.ZERO, 0, 0, 1, 0, "企业未按规定贮存一般工业固体废物。", "正在调查。", Completion.OPEN, null));
		submit(reported,
				new ReportDraft("经调查，举报部分属实。该采石场已取得采矿许可，但爆破作业未落实洒水降尘措施，运输车辆未全部覆盖。", Verdict.PARTLY_TRUE,
						"责令采石场落实洒水降尘、车辆密闭运输措施，对道路扬尘问题处罚款2万元。", "对采石场负责人约谈。", 0, new BigDecimal("2"), 1, 0, 1, 0,
						"企业扬尘防治措施不落实。", "自然资源和生态环境部门联合监管存在薄弱环节。", Completion.STAGED,
						LocalDate.ofInstant(this.clock.instant(), this.clock.getZone()).plusDays(30)));
		signIn("office");
		this.reports.approve(closed, first.rowVersion(), null);
		this.reports.returnForSupplement(returned, third.rowVersion(), "请补充渗滤液检测报告、农田受损面积核定情况和处罚决定书文号。");
		this.closures.recordSatisfaction(closed, SatisfactionAnswer.SATISFIED, FollowUpMethod.PHONE,
				"电话回访举报人，对处理结果表示满意。");
		for (ClosureCondition condition : List.of(ClosureCondition.PROBLEM_CLEAR, ClosureCondition.RECTIFIED,
				ClosureCondition.RESPONSIBILITY_FIXED, ClosureCondition.ACCOUNTABILITY_DONE,
				ClosureCondition.INFORMATION_PUBLIC)) {
			this.closures.recordMet(closed, condition, "经督察办现场核查确认。");
		}
		this.closures.close(closed,
				this.petitions.assignableOf(batch)
					.stream()
					.filter((p) -> p.id() == closed)
					.findFirst()
					.orElseThrow()
					.version());
	}

	private HandlingReport submit(long petitionId, ReportDraft draft) {
		HandlingReport saved = this.reports.saveDraft(petitionId, null, draft);
		return this.reports.submit(petitionId, saved.rowVersion());
	}

	private Map<String, Long> unitIds() {
		Map<String, Long> ids = new java.util.HashMap<>();
		this.accounts.unitNames().forEach((id, name) -> ids.put(name, id));
		return ids;
	}

	private void register(long batch, Map<String, Long> units, List<DemoCase> cases) {
		this.petitions.importBatch(batch, cases.stream().map(DemoCase::petition).toList(), 2);
		List<Petition> stored = this.petitions.assignableOf(batch);
		for (DemoCase demoCase : cases) {
			if (demoCase.lead() == null) {
				continue;
			}
			Petition petition = stored.stream()
				.filter((p) -> p.receiptNumber().equals(demoCase.petition().receiptNumber()))
				.findFirst()
				.orElseThrow();
			this.petitions.assign(petition.id(), petition.version(), units.get(demoCase.lead()),
					demoCase.co().stream().map(units::get).toList(),
					demoCase.territorial().stream().map(units::get).toList());
		}
	}

	private static DemoCase demoCase(String number, Instant at, Channel channel, Priority priority, String complaint,
			String object, String address, String region, List<PollutionType> types, String lead, List<String> co,
			List<String> territorial, String name, String phone) {
		return new DemoCase(new NewPetition(number, at, channel, priority, complaint, object, address, List.of(region),
				types.isEmpty() ? EnumSet.noneOf(PollutionType.class) : EnumSet.copyOf(types), null, name, phone), lead,
				co, territorial);
	}

	private static List<DemoCase> batchOne(Instant at) {
		List<DemoCase> cases = new ArrayList<>();
		cases.add(demoCase("D3JX2026110001", at, Channel.PHONE, Priority.KEY,
				"湘东区下埠镇某陶瓷厂长期夜间生产，窑炉烟囱冒黑烟，刺鼻气味弥漫，周边村民晚上不敢开窗。曾多次向镇里反映，仍未解决。", "萍乡市湘东区某陶瓷有限公司", "湘东区下埠镇工业园", "360313",
				List.of(PollutionType.AIR), "萍乡市生态环境局", List.of("萍乡市工业和信息化局"), List.of("湘东区人民政府"), "周某",
				"13979912345"));
		cases.add(demoCase("D3JX2026110002", at, Channel.LETTER, Priority.ORDINARY,
				"芦溪县宣风镇某生猪养殖场粪污未经处理直排附近水沟，流入袁河支流，河水发黑发臭，夏天蚊蝇成群。", "宣风镇某生猪养殖场", "芦溪县宣风镇竹垣村", "360323",
				List.of(PollutionType.WATER, PollutionType.SOIL), "萍乡市农业农村局", List.of("萍乡市生态环境局"), List.of("芦溪县人民政府"),
				null, null));
		cases.add(demoCase("D3JX2026110003", at, Channel.ONLINE, Priority.ORDINARY,
				"上栗县桐木镇某烟花爆竹原料厂露天堆放废渣，下雨后渗滤液流进农田，庄稼枯死。举报人电话0799-3612345。", "桐木镇某化工原料厂", "上栗县桐木镇", "360322",
				List.of(PollutionType.SOLID_WASTE, PollutionType.SOIL), "萍乡市生态环境局", List.of("萍乡市应急管理局"),
				List.of("上栗县人民政府"), "李某某", "07993612345"));
		cases.add(demoCase("D3JX2026110004", at, Channel.PHONE, Priority.ORDINARY,
				"安源区青山镇某采石场未批先建，爆破粉尘大，运输车辆不加盖篷布，道路扬尘严重。", "青山镇某采石场", "安源区青山镇", "360302",
				List.of(PollutionType.AIR, PollutionType.ECOLOGY), "萍乡市生态环境局", List.of("萍乡市自然资源局"), List.of("安源区人民政府"),
				null, "18970011234"));
		cases.add(demoCase("D3JX2026110005", at, Channel.PHONE, Priority.ORDINARY,
				"莲花县琴亭镇城区某KTV夜间噪声扰民，凌晨两三点仍在营业，严重影响周边居民休息。", "琴亭镇某KTV", "莲花县琴亭镇莲花大道", "360321",
				List.of(PollutionType.NOISE), "莲花县人民政府", List.of("萍乡市生态环境局"), List.of(), null, null));
		return cases;
	}

	private static List<DemoCase> batchTwo(Instant at) {
		List<DemoCase> cases = new ArrayList<>();
		cases
			.add(demoCase("D3JX2026110006", at, Channel.PHONE, Priority.KEY, "湘东区排上镇萍水河沿岸有多处非法洗砂点，洗砂废水直排萍水河，河道淤积，水质浑浊。",
					"排上镇萍水河沿岸洗砂点", "湘东区排上镇", "360313", List.of(PollutionType.WATER, PollutionType.ECOLOGY), "萍乡市水利局",
					List.of("萍乡市自然资源局", "萍乡市生态环境局"), List.of("湘东区人民政府"), "王某", "13607991111"));
		cases.add(demoCase("D3JX2026110007", at, Channel.ONLINE, Priority.ORDINARY,
				"安源区某小区旁餐饮一条街油烟直排，没有安装油烟净化设施，住户家中满是油烟味。", "安源区某餐饮街商户", "安源区跃进北路", "360302", List.of(PollutionType.AIR),
				"萍乡市城市管理局", List.of(), List.of("安源区人民政府"), null, null));
		cases.add(demoCase("D3JX2026110008", at, Channel.LETTER, Priority.ORDINARY, "芦溪县某电瓷厂周边山体被挖，植被破坏，废弃电瓷随意倾倒在山沟里。",
				"芦溪县某电瓷有限公司", "芦溪县芦溪镇", "360323", List.of(PollutionType.SOLID_WASTE, PollutionType.ECOLOGY), "萍乡市生态环境局",
				List.of("萍乡市林业局"), List.of("芦溪县人民政府"), null, null));
		cases.add(demoCase("D3JX2026110009", at, Channel.PHONE, Priority.ORDINARY, "湘东区下埠镇某废旧轮胎炼油作坊夜间偷偷开工，烧胶味很重，黑烟滚滚。",
				"下埠镇某炼油作坊", "湘东区下埠镇", "360313", List.of(PollutionType.AIR), null, List.of(), List.of(), "刘某",
				"15879900000"));
		return cases;
	}

	private static List<DemoCase> batchThree(Instant at) {
		List<DemoCase> cases = new ArrayList<>();
		cases.add(demoCase("D3JX2026110010", at, Channel.PHONE, Priority.ORDINARY, "上栗县某加油站地下油罐疑似渗漏，附近水井有汽油味，村民不敢饮用。",
				"上栗县某加油站", "上栗县上栗镇", "360322", List.of(PollutionType.WATER, PollutionType.SOIL), null, List.of(),
				List.of(), null, null));
		cases.add(demoCase("D3JX2026110011", at, Channel.ONLINE, Priority.KEY,
				"莲花县某建筑垃圾消纳场无任何防尘措施，渣土车昼夜进出，道路泥泞扬尘，反映多次未果。联系电话13807995678。", "莲花县某消纳场", "莲花县琴亭镇", "360321",
				List.of(PollutionType.AIR, PollutionType.SOLID_WASTE), null, List.of(), List.of(), "陈某",
				"13807995678"));
		return cases;
	}

}
