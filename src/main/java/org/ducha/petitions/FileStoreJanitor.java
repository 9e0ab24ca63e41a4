package org.ducha.petitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Removes from the file store the bytes no evidence refers to: a file kept by an upload
 * whose transaction then rolled back, or uploads abandoned half-way. Only what has not
 * been used for {@code ducha.files.orphan-grace} (a day by default) is looked at, so that
 * an upload still in its transaction is never touched. Withdrawn evidence keeps its row,
 * and so its bytes.
 */
@Component
class FileStoreJanitor {

	private static final Logger log = LoggerFactory.getLogger(FileStoreJanitor.class);

	private final FileStore files;

	private final EvidenceStore evidence;

	private final Clock clock;

	private final Duration grace;

	FileStoreJanitor(FileStore files, EvidenceStore evidence, Clock clock,
			@Value("${ducha.files.orphan-grace:PT24H}") Duration grace) {
		this.files = files;
		this.evidence = evidence;
		this.clock = clock;
		this.grace = grace;
	}

	/**
	 * @return how many files were removed
	 */
	int sweep() {
		Instant cutoff = this.clock.instant().minus(this.grace);
		Set<String> referenced = this.evidence.allSha256();
		int removed = 0;
		for (Map.Entry<String, Instant> file : this.files.stored().entrySet()) {
			if (file.getValue().isBefore(cutoff) && !referenced.contains(file.getKey())
					&& this.files.removeIfUnused(file.getKey(), file.getValue())) {
				removed++;
			}
		}
		removed += this.files.removeAbandonedUploads(cutoff);
		if (removed > 0) {
			log.info("Removed {} unreferenced files from the file store", removed);
		}
		return removed;
	}

}
