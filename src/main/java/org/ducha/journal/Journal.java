package org.ducha.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.sql.DataSource;

import org.ducha.shared.Actor;
import org.ducha.shared.CurrentActor;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends entries to the journal. Must be called inside the transaction that makes the
 * change, so that the change and its entry are committed together or not at all.
 * <p>
 * The chain is serialised through a row lock on {@code journal_head}: whichever
 * transaction holds it appends the next entry, so two application nodes writing to the
 * same database still build one unbroken chain. The lock is held until the caller's
 * transaction ends.
 * <p>
 * A transaction that records many entries (a batch of 5,000 cases, a sweep) reads and
 * locks the head once, keeps it in step in memory, and writes it back once, just before
 * it commits. The head is kept per database connection, so a transaction started inside
 * another ({@code REQUIRES_NEW}) takes the lock for itself and never appends after the
 * outer transaction's uncommitted entries.
 */
@Service
public class Journal {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	Journal(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/**
	 * Records that {@code eventType} happened to a subject, on behalf of the signed-in
	 * user (or the system).
	 * @param subjectType the kind of thing changed, e.g. {@code unit}
	 * @param subjectId its id
	 * @param eventType what happened, past tense, e.g. {@code UnitMoved}
	 * @param data the facts of the event; written as JSON with sorted keys
	 * @return the entry as stored
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public JournalEntry record(String subjectType, Object subjectId, String eventType, Map<String, ?> data) {
		return record(CurrentActor.get(), subjectType, subjectId, eventType, data);
	}

	/**
	 * Records an event on behalf of a given actor, for changes made before anyone is
	 * signed in (a login, a lockout).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public JournalEntry record(Actor actor, String subjectType, Object subjectId, String eventType,
			Map<String, ?> data) {
		Head head = lockedHead();
		long seq = head.seq + 1;
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String dataJson = this.json.writeValueAsString(data);
		String id = String.valueOf(subjectId);
		String hash = ChainHash.of(head.hash, seq, now, actor.login(), actor.unitId(), subjectType, id, eventType,
				dataJson);
		this.jdbc.sql("""
				insert into journal_entry (seq, recorded_at, actor, actor_unit_id, subject_type, subject_id,
				  event_type, data, previous_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, now.atOffset(ZoneOffset.UTC), actor.login(), actor.unitId(), subjectType, id, eventType,
					dataJson, head.hash, hash)
			.update();
		JournalEntry entry = new JournalEntry(seq, now, actor.login(), actor.unitId(), subjectType, id, eventType,
				dataJson, head.hash, hash);
		head.seq = seq;
		head.hash = hash;
		if (head.flushed) {
			// Appended by another before-commit step after the head was written back.
			writeHead(head);
		}
		return entry;
	}

	/**
	 * The head as this transaction sees it: locked and read on the first append, then
	 * kept in memory and written back before commit.
	 */
	private Head lockedHead() {
		Object connection = TransactionSynchronizationManager.getResource(this.dataSource);
		if (connection == null) {
			throw new IllegalStateException("the journal is written only inside a transaction");
		}
		Head head = (Head) TransactionSynchronizationManager.getResource(connection);
		if (head != null) {
			return head;
		}
		Head locked = this.jdbc.sql("select seq, hash from journal_head where id = 1 for update")
			.query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
			.single();
		long readSeq = locked.seq;
		TransactionSynchronizationManager.bindResource(connection, locked);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				if (locked.seq != readSeq) {
					writeHead(locked);
				}
				locked.flushed = true;
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(connection);
			}

		});
		return locked;
	}

	private void writeHead(Head head) {
		this.jdbc.sql("update journal_head set seq = ?, hash = ? where id = 1").params(head.seq, head.hash).update();
	}

	/** The end of the chain; changed only by the transaction that holds its lock. */
	private static final class Head {

		private long seq;

		private String hash;

		/** Written back already: later appends must write it themselves. */
		private boolean flushed;

		private Head(long seq, String hash) {
			this.seq = seq;
			this.hash = hash;
		}

	}

}
