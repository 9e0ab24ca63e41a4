package org.ducha.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A subject's history as its page shows it: oldest first, with each run of consecutive
 * entries that nobody needs to read one by one (the timer events of deadline clocks)
 * folded into one item in its place, so that what people did stands out.
 *
 * @param items the entries shown one by one, and the folded runs between them
 */
public record Timeline(List<Item> items) {

	public Timeline {
		items = List.copyOf(items);
	}

	/**
	 * Builds the timeline of {@code entries}, oldest first.
	 * @param folded which entries to fold
	 */
	public static Timeline of(List<JournalEntry> entries, Predicate<JournalEntry> folded) {
		List<Item> items = new ArrayList<>();
		List<JournalEntry> run = new ArrayList<>();
		for (JournalEntry entry : entries) {
			if (folded.test(entry)) {
				run.add(entry);
				continue;
			}
			if (!run.isEmpty()) {
				items.add(new Item(run, true));
				run = new ArrayList<>();
			}
			items.add(new Item(List.of(entry), false));
		}
		if (!run.isEmpty()) {
			items.add(new Item(run, true));
		}
		return new Timeline(items);
	}

	/** How many entries are folded away. */
	public int foldedCount() {
		return this.items.stream().filter(Item::folded).mapToInt((item) -> item.entries().size()).sum();
	}

	/**
	 * One item of the timeline.
	 *
	 * @param entries one entry, or the run of folded entries, oldest first
	 * @param folded whether this is a folded run
	 */
	public record Item(List<JournalEntry> entries, boolean folded) {

		public Item {
			entries = List.copyOf(entries);
		}

		/** The entry of an item that is not folded; the first of a folded run. */
		public JournalEntry first() {
			return this.entries.get(0);
		}

		public JournalEntry last() {
			return this.entries.get(this.entries.size() - 1);
		}

	}

}
