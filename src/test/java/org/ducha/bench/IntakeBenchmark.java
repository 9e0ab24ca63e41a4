package org.ducha.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ducha.DuchaApplication;
import org.ducha.petitions.ImportOutcome;
import org.ducha.petitions.IntakeField;
import org.ducha.reports.BatchIntake;
import org.ducha.reports.BatchWorkbook;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Reading and importing a 5,000-row batch workbook in the officials' style, on the
 * embedded H2 file database or on PostgreSQL. Not a test: run it with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=IntakeBenchmark -Dbench.db=h2}
 * (or {@code postgresql}, with {@code DUCHA_TEST_PG_URL} set). Each of five rounds
 * imports a fresh file, with new receipt numbers, into a new batch; prints the median.
 */
public final class IntakeBenchmark {

	private static final int ROUNDS = 5;

	private static final int ROWS = 5_000;

	private static final String[] DISTRICTS = { "安源区", "湘东区", "莲花县", "上栗县", "芦溪县" };

	private static final String[] TYPES = { "大气", "水", "噪声", "固废", "大气、噪声", "水、土壤" };

	private IntakeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "h2");
		System.setProperty("ducha.test.db", "configured");
		String schema = "bench" + System.currentTimeMillis();
		List<String> properties = new ArrayList<>(
				List.of("--spring.main.web-application-type=none", "--ducha.demo=true", "--logging.level.root=WARN",
						"--ducha.complainant.key=q72cZIOuREhB5lJwdZ/pr5Tw++20LpfUQJvVCojatRo="));
		if (db.equals("postgresql")) {
			String url = System.getenv("DUCHA_TEST_PG_URL");
			properties
				.add("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			properties.add("--spring.datasource.username=postgres");
			properties.add("--spring.flyway.schemas=" + schema);
			properties.add("--spring.flyway.default-schema=" + schema);
		}
		else {
			Path file = Path.of("target", "bench", schema).toAbsolutePath();
			properties.add("--spring.datasource.url=jdbc:h2:file:" + file
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DuchaApplication.class)
			.run(properties.toArray(String[]::new))) {
			UserDetails office = context.getBean(UserDetailsService.class).loadUserByUsername("office");
			SecurityContextHolder.getContext()
				.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
			RoundManagement rounds = context.getBean(RoundManagement.class);
			BatchIntake intake = context.getBean(BatchIntake.class);
			Clock clock = context.getBean(Clock.class);
			LocalDate today = LocalDate.now(clock);
			long round = rounds.createRound(RoundDraft.withDefaultPolicies("基准测试督察轮次", RoundLevel.PROVINCIAL, "基准测试组",
					"360300", today.minusDays(10), today.plusDays(20), "0799-1234567"));
			run(intake, rounds.createBatch(round, 99, clock.instant().minus(Duration.ofDays(1))), workbook(99));
			BatchWorkbook reader = context.getBean(BatchWorkbook.class);
			List<Long> millis = new ArrayList<>();
			List<Long> readMillis = new ArrayList<>();
			// On a shared machine the wall time depends on what else runs; the importing
			// thread's CPU time (the embedded database works in that thread) much less.
			List<Long> cpuMillis = new ArrayList<>();
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			int size = 0;
			for (int r = 1; r <= ROUNDS; r++) {
				byte[] file = workbook(r);
				size = file.length;
				long reading = System.nanoTime();
				reader.read(new ByteArrayInputStream(file), file.length);
				readMillis.add((System.nanoTime() - reading) / 1_000_000);
				long batch = rounds.createBatch(round, r, clock.instant().minus(Duration.ofHours(r)));
				long started = System.nanoTime();
				long startedCpu = threads.getCurrentThreadCpuTime();
				ImportOutcome outcome = run(intake, batch, file);
				millis.add((System.nanoTime() - started) / 1_000_000);
				cpuMillis.add((threads.getCurrentThreadCpuTime() - startedCpu) / 1_000_000);
				if (outcome.imported().size() != ROWS) {
					throw new IllegalStateException("imported " + outcome.imported().size());
				}
			}
			long median = median(millis);
			try (Connection connection = context.getBean(DataSource.class).getConnection()) {
				System.out.printf("%nDatabase: %s%n", connection.getMetaData().getURL());
			}
			System.out.printf(
					"%n| database | rows | file size | read + import, median of %d | rows/s | CPU time, median | read alone, median | all rounds ms |%n",
					ROUNDS);
			System.out.printf("| %s | %,d | %,d KB | %,d ms | %,.0f | %,d ms | %,d ms | %s |%n", db, ROWS, size / 1024,
					median, ROWS * 1000.0 / Math.max(1, median), median(cpuMillis), median(readMillis), millis);
			System.out.printf("Load average (1 min) at the end: %.2f on %d processors%n%n",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
		}
	}

	private static ImportOutcome run(BatchIntake intake, long batch, byte[] file) {
		return intake.importWorkbook(batch, new ByteArrayInputStream(file), file.length);
	}

	/**
	 * A batch as the teams send it: a date cell for the time, long complaint texts,
	 * district names, several pollution types, some key cases and some complainants.
	 */
	static byte[] workbook(int batch) throws Exception {
		return workbook(batch, ROWS);
	}

	static byte[] workbook(int batch, int rows) throws Exception {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			SXSSFSheet sheet = workbook.createSheet("第" + batch + "批");
			CellStyle time = workbook.createCellStyle();
			time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			Row header = sheet.createRow(0);
			for (IntakeField field : IntakeField.values()) {
				header.createCell(field.ordinal()).setCellValue(field.heading());
			}
			for (int i = 1; i <= rows; i++) {
				Row row = sheet.createRow(i);
				String district = DISTRICTS[i % DISTRICTS.length];
				row.createCell(0).setCellValue(String.format("D3JX2024%02d%05d", batch, i));
				row.createCell(1).setCellValue(LocalDateTime.of(2024, 5, 8, 9, 30).plusMinutes(i % 600));
				row.getCell(1).setCellStyle(time);
				row.createCell(2).setCellValue((i % 3 == 0) ? "来信" : "来电");
				row.createCell(3)
					.setCellValue(district + "某镇某村附近一家石材加工厂（第" + i + "号）夜间生产，切割噪声扰民，加工废水未经处理直排附近河道，"
							+ "厂区堆场未覆盖，刮风时粉尘较大，周边群众多次向镇政府反映，至今未解决。希望有关部门尽快调查处理。");
				row.createCell(4).setCellValue("某石材加工厂" + i);
				row.createCell(5).setCellValue("萍乡市" + district + "某镇某村");
				row.createCell(6).setCellValue(district);
				row.createCell(7).setCellValue(TYPES[i % TYPES.length]);
				row.createCell(8).setCellValue((i % 10 == 0) ? "重点" : "普通");
				row.createCell(9).setCellValue("否");
				if (i % 4 == 0) {
					row.createCell(11).setCellValue("张先生");
					row.createCell(12).setCellValue(13800000000L + i);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static <T extends Comparable<T>> T median(List<T> values) {
		List<T> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
