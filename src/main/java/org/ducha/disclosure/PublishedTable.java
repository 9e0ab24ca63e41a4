package org.ducha.disclosure;

import java.time.Instant;
import java.util.List;

/** A published version of a batch's disclosure table; never changes once published. */
public record PublishedTable(long id, long roundId, long batchId, int version, String title, List<DisclosureRow> rows,
		String changeNote, String publishedBy, Instant publishedAt) {

}
