package org.ducha.petitions;

import java.util.List;
import java.util.Optional;

import org.ducha.journal.JournalEntry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A correction as the case's history shows it, read back from its journal entry: the
 * reason and each changed field, free text with personal numbers masked as the journal
 * keeps them.
 */
public record RecordedCorrection(long seq, String reason, List<FieldChange> changes) {

	static final String EVENT = "PetitionCorrected";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** The correction an entry records, or empty for an entry of any other kind. */
	public static Optional<RecordedCorrection> of(JournalEntry entry) {
		if (!EVENT.equals(entry.eventType())) {
			return Optional.empty();
		}
		Data data = JSON.readValue(entry.data(), Data.class);
		return Optional.of(new RecordedCorrection(entry.seq(), data.reason(),
				(data.changes() != null) ? data.changes() : List.of()));
	}

	private record Data(String reason, List<FieldChange> changes) {
	}

}
