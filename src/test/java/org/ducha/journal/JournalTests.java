package org.ducha.journal;

import java.util.Map;

import org.ducha.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DatabaseTest
class JournalTests {

	@Autowired
	Journal journal;

	@Autowired
	JournalVerifier verifier;

	@Autowired
	JournalQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	private long append(String subjectId, String event) {
		return this.transaction
			.execute((status) -> this.journal.record("test", subjectId, event, Map.of("note", "第一批 " + subjectId)))
			.seq();
	}

	private long lastSeq() {
		return this.jdbc.sql("select seq from journal_head where id = 1").query(Long.class).single();
	}

	@Test
	void appendedEntriesFormAnIntactChain() {
		long before = lastSeq();
		append("a", "TestHappened");
		append("a", "TestHappenedAgain");
		Verification result = this.verifier.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(before + 2);
	}

	@Test
	void manyEntriesInOneTransactionMoveTheHeadOnceAndChainIntact() {
		long before = lastSeq();
		this.transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < 50; i++) {
				this.journal.record("test", "bulk", "Bulk", Map.of("i", i));
			}
			// Inside the transaction the head row is written back only at commit.
			assertThat(lastSeq()).isEqualTo(before);
		});
		assertThat(lastSeq()).isEqualTo(before + 50);
		assertThat(this.verifier.verify().intact()).isTrue();
		assertThat(append("bulk", "AfterBulk")).isEqualTo(before + 51);
	}

	@Test
	void aRolledBackTransactionLeavesNeitherEntriesNorAMovedHead() {
		long before = lastSeq();
		this.transaction.executeWithoutResult((status) -> {
			this.journal.record("test", "undone", "Undone", Map.of());
			this.journal.record("test", "undone", "UndoneAgain", Map.of());
			status.setRollbackOnly();
		});
		assertThat(lastSeq()).isEqualTo(before);
		assertThat(this.queries.historyOf("test", "undone")).isEmpty();
		assertThat(append("undone", "Done")).isEqualTo(before + 1);
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void eachEntryLinksToThePreviousHash() {
		long first = append("link", "First");
		long second = append("link", "Second");
		var history = this.queries.historyOf("test", "link");
		assertThat(history).extracting(JournalEntry::seq).containsExactly(first, second);
		assertThat(history.get(1).previousHash()).isEqualTo(history.get(0).hash());
	}

	@Test
	void dataIsStoredAsJsonWithSortedKeys() {
		JournalEntry entry = this.transaction
			.execute((status) -> this.journal.record("test", "json", "Sorted", Map.of("zeta", 1, "alpha", "甲")));
		assertThat(entry.data()).isEqualTo("{\"alpha\":\"甲\",\"zeta\":1}");
	}

	@Test
	void recordingOutsideATransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.journal.record("test", "x", "Loose", Map.of()));
	}

	@Test
	void verifierNamesAnEntryWhoseDataWasEditedBehindTheApplicationsBack() {
		append("t1", "One");
		long tampered = append("t1", "Two");
		append("t1", "Three");
		this.jdbc.sql("update journal_entry set data = '{\"note\":\"改过了\"}' where seq = ?").param(tampered).update();
		Verification result = this.verifier.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(tampered);
		assertThat(result.reason()).isEqualTo("journal.broken.hash");
		restore();
	}

	@Test
	void verifierNamesARemovedEntry() {
		append("t2", "One");
		long removed = append("t2", "Two");
		append("t2", "Three");
		this.jdbc.sql("delete from journal_entry where seq = ?").param(removed).update();
		Verification result = this.verifier.verify();
		assertThat(result.firstBrokenSeq()).isEqualTo(removed);
		assertThat(result.reason()).isEqualTo("journal.broken.gap");
		restore();
	}

	@Test
	void verifierNoticesEntriesRemovedFromTheEnd() {
		append("t3", "One");
		long last = append("t3", "Two");
		this.jdbc.sql("delete from journal_entry where seq = ?").param(last).update();
		Verification result = this.verifier.verify();
		assertThat(result.firstBrokenSeq()).isEqualTo(last);
		assertThat(result.reason()).isEqualTo("journal.broken.head");
		restore();
	}

	@Test
	void verifierNamesAnEntryWhoseActorWasChanged() {
		long changed = append("t4", "One");
		append("t4", "Two");
		this.jdbc.sql("update journal_entry set actor = 'someone-else' where seq = ?").param(changed).update();
		assertThat(this.verifier.verify().firstBrokenSeq()).isEqualTo(changed);
		restore();
	}

	/**
	 * Tampering tests share a context with the others: leave an empty, intact journal
	 * behind.
	 */
	private void restore() {
		this.jdbc.sql("delete from journal_entry").update();
		this.jdbc.sql("update journal_head set seq = 0, hash = ? where id = 1").param(ChainHash.GENESIS).update();
	}

}
