package org.ducha.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.ducha.petitions.LedgerFilter;
import org.ducha.petitions.LedgerSort;
import org.ducha.reports.LedgerExport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Excel export of 100,000 ledger rows to a file, as the office: elapsed time, file
 * size, and the peak used heap sampled every 5 ms while it runs (run it with
 * {@code MAVEN_OPTS=-Xmx256m} to see it fit a small heap). Not a test: run it with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=ExportBenchmark -Dbench.db=postgresql}
 * and {@code DUCHA_TEST_PG_URL} set.
 */
public final class ExportBenchmark {

	private static final int CASES = Integer.getInteger("bench.cases", 100_000);

	private ExportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = LedgerData.start()) {
			LedgerData.load(context, CASES, 1_000);
			LedgerExport export = context.getBean(LedgerExport.class);
			Path file = Files.createTempFile("ledger-bench", ".xlsx");
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			LedgerData.signIn(context, "office");
			export(export, Files.createTempFile("ledger-warm-up", ".xlsx"));
			System.gc();
			long baseline = memory.getHeapMemoryUsage().getUsed();
			AtomicLong peak = new AtomicLong(baseline);
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			sampler.setDaemon(true);
			sampler.start();
			long started = System.nanoTime();
			long rows = export(export, file);
			double seconds = (System.nanoTime() - started) / 1e9;
			sampler.interrupt();
			sampler.join();
			SecurityContextHolder.clearContext();
			System.out.printf(
					"%n| rows | time | file | heap before | peak heap during | max heap |%n| --- | --- | --- | --- | --- | --- |%n");
			System.out.printf("| %,d | %.1f s | %,d KB | %,d MB | %,d MB | %,d MB |%n%n", rows, seconds,
					Files.size(file) / 1024, baseline >> 20, peak.get() >> 20,
					memory.getHeapMemoryUsage().getMax() >> 20);
			Files.delete(file);
		}
	}

	private static long export(LedgerExport export, Path file) throws Exception {
		try (LedgerExport.LedgerWorkbook workbook = export.workbook(LedgerFilter.none(), LedgerSort.DEFAULT);
				OutputStream out = Files.newOutputStream(file)) {
			workbook.writeTo(out);
			return workbook.rows();
		}
	}

}
