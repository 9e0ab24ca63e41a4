package org.ducha.journal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the journal: a subject's history for its page (the caller checks that the user
 * may see the subject), and the whole journal for the auditor.
 */
@Service
@Transactional(readOnly = true)
public class JournalQueries {

	private final JdbcClient jdbc;

	JournalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every entry about one subject, oldest first. */
	public List<JournalEntry> historyOf(String subjectType, Object subjectId) {
		return this.jdbc
			.sql("select " + JournalRows.COLUMNS
					+ " from journal_entry where subject_type = ? and subject_id = ? order by seq")
			.params(subjectType, String.valueOf(subjectId))
			.query(JournalRows.MAPPER)
			.list();
	}

	/**
	 * The newest entries before a sequence number ({@code null}: the newest), for the
	 * auditor.
	 */
	@PreAuthorize("hasRole('AUDITOR')")
	public List<JournalEntry> page(Long beforeSeq, int size) {
		return this.jdbc
			.sql("select " + JournalRows.COLUMNS
					+ " from journal_entry where seq < ? order by seq desc fetch first ? rows only")
			.params((beforeSeq != null) ? beforeSeq : Long.MAX_VALUE, size)
			.query(JournalRows.MAPPER)
			.list();
	}

}
