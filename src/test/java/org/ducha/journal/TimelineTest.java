package org.ducha.journal;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

	private static JournalEntry entry(long seq, String type) {
		return new JournalEntry(seq, Instant.parse("2026-11-21T01:00:00Z").plusSeconds(seq), "office", null, "petition",
				"1", type, "{}", "", "");
	}

	@Test
	void consecutiveFoldedEntriesBecomeOneItemInTheirPlace() {
		List<JournalEntry> entries = List.of(entry(1, "PetitionRegistered"), entry(2, "Timer"), entry(3, "Timer"),
				entry(4, "PetitionAssigned"), entry(5, "Timer"));
		Timeline timeline = Timeline.of(entries, (e) -> e.eventType().equals("Timer"));
		assertThat(timeline.items()).extracting(Timeline.Item::folded).containsExactly(false, true, false, true);
		assertThat(timeline.items().get(1).entries()).extracting(JournalEntry::seq).containsExactly(2L, 3L);
		assertThat(timeline.items().get(2).first().eventType()).isEqualTo("PetitionAssigned");
		assertThat(timeline.foldedCount()).isEqualTo(3);
	}

	@Test
	void nothingFoldedLeavesEveryEntryOnItsOwn() {
		Timeline timeline = Timeline.of(List.of(entry(1, "A"), entry(2, "B")), (e) -> false);
		assertThat(timeline.items()).extracting(Timeline.Item::folded).containsExactly(false, false);
	}

}
