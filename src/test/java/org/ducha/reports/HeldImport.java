package org.ducha.reports;

import java.io.ByteArrayInputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.ducha.petitions.ImportOutcome;
import org.ducha.testing.Demo;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import that has registered its cases but not committed yet, as an import of a large
 * file is for a while: the office's import runs on another thread inside a transaction
 * that stays open until {@link #commit()} (or {@link #close()}, which commits too).
 */
public final class HeldImport implements AutoCloseable {

	private final ExecutorService thread = Executors.newSingleThreadExecutor();

	private final CountDownLatch registered = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final Future<ImportOutcome> outcome;

	private HeldImport(TransactionTemplate transactions, BatchIntake intake, UserDetailsService users, long batchId,
			byte[] workbook) {
		this.outcome = this.thread.submit(() -> {
			Demo.signIn(users, "office");
			try {
				return transactions.execute((status) -> {
					ImportOutcome imported;
					try {
						imported = intake.importWorkbook(batchId, new ByteArrayInputStream(workbook), workbook.length);
					}
					finally {
						this.registered.countDown();
					}
					awaitRelease();
					return imported;
				});
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		});
	}

	/** Starts the import and returns once it has registered its cases, uncommitted. */
	public static HeldImport of(TransactionTemplate transactions, BatchIntake intake, UserDetailsService users,
			long batchId, byte[] workbook) throws Exception {
		HeldImport held = new HeldImport(transactions, intake, users, batchId, workbook);
		if (!held.registered.await(1, TimeUnit.MINUTES) || held.outcome.isDone()) {
			held.outcome.get(1, TimeUnit.MINUTES);
		}
		return held;
	}

	/** Lets the import commit and returns what it did. */
	public ImportOutcome commit() throws Exception {
		this.release.countDown();
		return this.outcome.get(1, TimeUnit.MINUTES);
	}

	private void awaitRelease() {
		try {
			// A safety net, so that a test that fails before commit() cannot hang the
			// build.
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.release.countDown();
		this.thread.shutdown();
	}

}
