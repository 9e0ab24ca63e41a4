package org.ducha.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.ducha.DuchaApplication;
import org.ducha.journal.Journal;
import org.ducha.journal.JournalVerifier;
import org.ducha.journal.Verification;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journal appends per second (one entry per transaction, as features write them) and
 * verification speed, on the embedded H2 file database or on PostgreSQL. Not a test: run
 * it with {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.db=h2} (or
 * {@code postgresql}, with {@code DUCHA_TEST_PG_URL} set). Prints medians of five rounds.
 */
public final class JournalBenchmark {

	private static final int ROUNDS = 5;

	private static final int APPENDS_PER_ROUND = 2_000;

	private static final int THREADS = 4;

	private JournalBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "h2");
		System.setProperty("ducha.test.db", "configured");
		String schema = "bench" + System.currentTimeMillis();
		List<String> properties = new ArrayList<>(
				List.of("spring.main.web-application-type=none", "ducha.demo=false", "logging.level.root=WARN"));
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
			Journal journal = context.getBean(Journal.class);
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			JournalVerifier verifier = context.getBean(JournalVerifier.class);

			appendRounds(journal, transaction, 1, 1);
			List<Double> single = new ArrayList<>();
			List<Double> parallel = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				single.add(appendRounds(journal, transaction, 1, APPENDS_PER_ROUND));
				parallel.add(appendRounds(journal, transaction, THREADS, APPENDS_PER_ROUND / THREADS));
			}
			List<Long> verifyMillis = new ArrayList<>();
			long entries = 0;
			for (int round = 0; round < ROUNDS; round++) {
				Verification verification = verifier.verify();
				if (!verification.intact()) {
					throw new IllegalStateException("chain broken: " + verification);
				}
				entries = verification.entriesChecked();
				verifyMillis.add(verification.millis());
			}
			long verifyMedian = median(verifyMillis);
			try (Connection connection = context.getBean(DataSource.class).getConnection()) {
				System.out.printf("%nDatabase: %s%n", connection.getMetaData().getURL());
			}
			System.out.printf(
					"%n| database | appends/s, 1 thread | appends/s, %d threads | verify %,d entries | entries/s verified |%n",
					THREADS, entries);
			System.out.printf("| %s | %,.0f | %,.0f | %,d ms | %,.0f |%n%n", db, median(single), median(parallel),
					verifyMedian, entries * 1000.0 / Math.max(1, verifyMedian));
		}
	}

	/** Appends with the given number of threads and returns entries per second. */
	private static double appendRounds(Journal journal, TransactionTemplate transaction, int threads, int perThread)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		List<Future<?>> writers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			String subject = "bench-" + t;
			writers.add(pool.submit(() -> {
				for (int i = 0; i < perThread; i++) {
					int n = i;
					transaction.executeWithoutResult((status) -> journal.record("bench", subject, "BenchmarkWritten",
							Map.of("n", n, "text", "萍乡市湘东区下埠镇某石材加工厂夜间生产噪声扰民")));
				}
			}));
		}
		for (Future<?> writer : writers) {
			writer.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - started) / 1e9;
		return threads * perThread / seconds;
	}

	private static <T extends Comparable<T>> T median(List<T> values) {
		List<T> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
