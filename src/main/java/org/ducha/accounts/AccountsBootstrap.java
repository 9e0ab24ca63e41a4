package org.ducha.accounts;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.ducha.journal.Journal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first start on an empty database: with {@code ducha.demo=true} it loads the
 * demonstration region with one account per role and prints their logins; otherwise it
 * creates the installation's top unit and one system administrator whose one-time
 * password is printed once and must be changed at first sign-in.
 */
@Component
@Order(0)
class AccountsBootstrap implements ApplicationRunner {

	static final String DEMO_PASSWORD = "Ducha-2026-demo";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final UnitStore units;

	private final UserStore users;

	private final PasswordEncoder passwords;

	private final Journal journal;

	private final Clock clock;

	private final boolean demo;

	private final String regionCode;

	private final String regionName;

	private final String unitName;

	private final PrintStream console = System.out;

	AccountsBootstrap(UnitStore units, UserStore users, PasswordEncoder passwords, Journal journal, Clock clock,
			@Value("${ducha.demo:false}") boolean demo, @Value("${ducha.install.region-code:360300}") String regionCode,
			@Value("${ducha.install.region-name:萍乡市}") String regionName,
			@Value("${ducha.install.unit-name:萍乡市生态环境保护督察整改工作办公室}") String unitName) {
		this.units = units;
		this.users = users;
		this.passwords = passwords;
		this.journal = journal;
		this.clock = clock;
		this.demo = demo;
		this.regionCode = regionCode;
		this.regionName = regionName;
		this.unitName = unitName;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		if (this.demo) {
			loadDemo();
		}
		else {
			createInitialAdministrator();
		}
	}

	private void createInitialAdministrator() {
		region(RegionCode.of(this.regionCode).value(), this.regionName, RegionLevel.CITY, null);
		long unit = unit(this.unitName, UnitKind.OFFICE, this.regionCode, null);
		String password = oneTimePassword();
		user("admin", "系统管理员", unit, password, true, EnumSet.of(Role.SYSADMIN));
		this.console.println();
		this.console.println("==============================================================");
		this.console.println(" Ducha: initial system administrator / 初始系统管理员");
		this.console.println(" login: admin    one-time password: " + password);
		this.console.println(" Change it at first sign-in. It is shown only this once.");
		this.console.println(" 首次登录须修改密码，此密码仅显示这一次。");
		this.console.println("==============================================================");
		this.console.println();
	}

	private void loadDemo() {
		region("360000", "江西省", RegionLevel.PROVINCE, null);
		region("360300", "萍乡市", RegionLevel.CITY, "360000");
		region("360302", "安源区", RegionLevel.COUNTY, "360300");
		region("360313", "湘东区", RegionLevel.COUNTY, "360300");
		region("360321", "莲花县", RegionLevel.COUNTY, "360300");
		region("360322", "上栗县", RegionLevel.COUNTY, "360300");
		region("360323", "芦溪县", RegionLevel.COUNTY, "360300");
		long city = unit("萍乡市人民政府", UnitKind.GOVERNMENT, "360300", null);
		long office = unit("萍乡市生态环境保护督察整改工作办公室", UnitKind.OFFICE, "360300", city);
		long ecology = 0;
		for (String department : new String[] { "萍乡市生态环境局", "萍乡市发展和改革委员会", "萍乡市工业和信息化局", "萍乡市自然资源局", "萍乡市住房和城乡建设局",
				"萍乡市城市管理局", "萍乡市交通运输局", "萍乡市水利局", "萍乡市农业农村局", "萍乡市林业局", "萍乡市应急管理局", "萍乡市市场监督管理局" }) {
			long id = unit(department, UnitKind.DEPARTMENT, "360300", city);
			if (ecology == 0) {
				ecology = id;
			}
		}
		long anyuan = unit("安源区人民政府", UnitKind.GOVERNMENT, "360302", city);
		long xiangdong = unit("湘东区人民政府", UnitKind.GOVERNMENT, "360313", city);
		long lianhua = unit("莲花县人民政府", UnitKind.GOVERNMENT, "360321", city);
		long shangli = unit("上栗县人民政府", UnitKind.GOVERNMENT, "360322", city);
		long luxi = unit("芦溪县人民政府", UnitKind.GOVERNMENT, "360323", city);
		unit("安源区青山镇人民政府", UnitKind.TOWNSHIP, "360302", anyuan);
		long xiabu = unit("湘东区下埠镇人民政府", UnitKind.TOWNSHIP, "360313", xiangdong);
		unit("湘东区排上镇人民政府", UnitKind.TOWNSHIP, "360313", xiangdong);
		unit("莲花县琴亭镇人民政府", UnitKind.TOWNSHIP, "360321", lianhua);
		unit("上栗县桐木镇人民政府", UnitKind.TOWNSHIP, "360322", shangli);
		unit("芦溪县宣风镇人民政府", UnitKind.TOWNSHIP, "360323", luxi);
		demoUser("office", "张敏", office, Role.OFFICE);
		demoUser("handler", "李强", ecology, Role.HANDLER);
		demoUser("xiangdong", "王芳", xiangdong, Role.HANDLER);
		demoUser("xiabu", "刘洋", xiabu, Role.HANDLER);
		demoUser("leader", "陈建国", city, Role.LEADER);
		demoUser("auditor", "赵静", office, Role.AUDITOR);
		demoUser("sysadmin", "孙伟", office, Role.SYSADMIN);
		demoUser("secadmin", "周丽", office, Role.SECADMIN);
		this.console.println();
		this.console.println("==============================================================");
		this.console.println(" Ducha demo region 萍乡市 loaded. Demo logins / 演示账户:");
		this.console.println("   office     督察办 (office)          handler    承办 市生态环境局 (handler)");
		this.console.println("   xiangdong  承办 湘东区 (handler)     xiabu      承办 下埠镇 (handler)");
		this.console.println("   leader     领导 (leader)            auditor    审计员 (auditor)");
		this.console.println("   sysadmin   系统管理员               secadmin   安全管理员");
		this.console.println(" Password for all / 密码: " + DEMO_PASSWORD);
		this.console.println("==============================================================");
		this.console.println();
	}

	private void region(String code, String name, RegionLevel level, String parent) {
		this.units.insertRegion(new Region(code, name, level, parent));
		this.journal.record("region", code, "RegionCreated",
				Map.of("name", name, "level", level.name(), "parent", String.valueOf(parent)));
	}

	private long unit(String name, UnitKind kind, String regionCode, Long parentId) {
		Unit parent = (parentId != null) ? this.units.unit(parentId).orElseThrow() : null;
		long id = this.units.insert(name, kind, regionCode, parent);
		this.journal.record("unit", id, "UnitCreated",
				Map.of("name", name, "kind", kind.name(), "region", regionCode, "parent", String.valueOf(parentId)));
		return id;
	}

	private void demoUser(String login, String name, long unit, Role role) {
		user(login, name, unit, DEMO_PASSWORD, false, EnumSet.of(role));
	}

	private void user(String login, String name, long unit, String password, boolean mustChange, Set<Role> roles) {
		long id = this.users.insert(login, name, unit, this.passwords.encode(password), mustChange,
				this.clock.instant());
		this.users.replaceRoles(id, 0, roles);
		this.journal.record("user", id, "UserCreated", Map.of("login", login, "displayName", name, "unit", unit,
				"roles", roles.stream().map(Role::name).sorted().toList()));
	}

	private static String oneTimePassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		// Guarantee three character classes whatever the draw.
		return password.append("-7a").toString();
	}

}
