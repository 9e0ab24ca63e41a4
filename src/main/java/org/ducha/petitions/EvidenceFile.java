package org.ducha.petitions;

import java.time.Instant;

/**
 * A file attached to a case as evidence.
 *
 * @param reportVersion the report version it was attached to, or {@code null} when the
 * case had no draft at the time
 * @param contentType the type found in the content, never the one the browser claimed
 */
public record EvidenceFile(long id, long petitionId, Integer reportVersion, String fileName, String contentType,
		long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {

}
