package org.ducha.journal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the whole chain, in order, and names the first entry that does not fit: one
 * whose hash is not the hash of its content, whose previous hash is not its predecessor's
 * hash, that follows a gap in the sequence, or a head that does not point at the last
 * entry (entries removed from the end).
 */
@Service
public class JournalVerifier {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	JournalVerifier(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(1000);
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Verification verify() {
		long started = this.clock.millis();
		AtomicLong checked = new AtomicLong();
		AtomicReference<String> previous = new AtomicReference<>(ChainHash.GENESIS);
		AtomicReference<Broken> broken = new AtomicReference<>();
		this.jdbc.query("select " + JournalRows.COLUMNS + " from journal_entry order by seq", rs -> {
			if (broken.get() != null) {
				return;
			}
			JournalEntry entry = JournalRows.MAPPER.mapRow(rs, 0);
			long expectedSeq = checked.incrementAndGet();
			if (entry.seq() != expectedSeq) {
				broken.set(new Broken(expectedSeq, "journal.broken.gap"));
			}
			else if (!entry.previousHash().equals(previous.get())) {
				broken.set(new Broken(entry.seq(), "journal.broken.link"));
			}
			else if (!ChainHash.of(entry).equals(entry.hash())) {
				broken.set(new Broken(entry.seq(), "journal.broken.hash"));
			}
			previous.set(entry.hash());
		});
		if (broken.get() == null) {
			long last = checked.get();
			Map<String, Object> head = this.jdbc.queryForMap("select seq, hash from journal_head where id = 1");
			long headSeq = ((Number) head.get("seq")).longValue();
			String headHash = ((String) head.get("hash")).strip();
			if (headSeq != last || !previous.get().equals(headHash)) {
				broken.set(new Broken(last + 1, "journal.broken.head"));
			}
		}
		long millis = this.clock.millis() - started;
		Broken found = broken.get();
		return (found != null) ? new Verification(checked.get(), found.seq(), found.reason(), millis)
				: new Verification(checked.get(), null, null, millis);
	}

	private record Broken(long seq, String reason) {
	}

}
