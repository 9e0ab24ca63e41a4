package org.ducha.petitions.web;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ducha.accounts.AccountQueries;
import org.ducha.journal.JournalEntry;
import org.ducha.petitions.ClockChange;
import org.ducha.petitions.FieldChange;
import org.ducha.petitions.RecordedCorrection;
import org.ducha.shared.DateDisplay;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A correction in words for the check page, the banner and the case's history: each
 * changed field by its label, its values as the case page shows them (districts by name,
 * terms in the reader's language, times in the reader's style), and what happens to the
 * clocks.
 */
@Component
class CorrectionWords {

	private final MessageSource messages;

	private final DateDisplay dates;

	private final AccountQueries accounts;

	CorrectionWords(MessageSource messages, DateDisplay dates, AccountQueries accounts) {
		this.messages = messages;
		this.dates = dates;
		this.accounts = accounts;
	}

	/**
	 * One changed field in words.
	 *
	 * @param field the field's form name
	 */
	record ShownChange(String field, String label, String before, String after) {
	}

	/** A recorded correction in words: its reason and its changes. */
	record ShownCorrection(String reason, List<ShownChange> changes) {
	}

	List<ShownChange> of(List<FieldChange> changes) {
		Map<String, String> regionNames = this.accounts.regionNames();
		return changes.stream()
			.map((c) -> new ShownChange(c.field(), label(c.field()), value(c.field(), c.before(), regionNames),
					value(c.field(), c.after(), regionNames)))
			.toList();
	}

	/** The corrections among a case's journal entries, in words, by sequence number. */
	Map<Long, ShownCorrection> history(List<JournalEntry> entries) {
		Map<Long, ShownCorrection> shown = new HashMap<>();
		for (JournalEntry entry : entries) {
			RecordedCorrection.of(entry)
				.ifPresent((c) -> shown.put(c.seq(), new ShownCorrection(c.reason(), of(c.changes()))));
		}
		return shown;
	}

	/** The labels of the changed fields, as a list in a sentence. */
	String fields(List<FieldChange> changes) {
		return changes.stream()
			.map((c) -> label(c.field()))
			.collect(Collectors.joining(message("correction.separator")));
	}

	/** Each clock change as a sentence. */
	List<String> clocks(List<ClockChange> clocks, boolean saved) {
		return clocks.stream().map((c) -> clock(c, saved)).toList();
	}

	private String clock(ClockChange change, boolean saved) {
		String kind = message("clock." + change.kind());
		if (!change.running()) {
			return message("correction.clock.kept", kind);
		}
		if (change.dueAfter().equals(change.dueBefore())) {
			return message("correction.clock.unchanged", kind, this.dates.dateTime(change.dueBefore()));
		}
		return message(saved ? "correction.clock.restated" : "correction.clock.willRestate", kind,
				this.dates.dateTime(change.dueBefore()), this.dates.dateTime(change.dueAfter()));
	}

	private String label(String field) {
		return message("petition." + field);
	}

	private String value(String field, Object value, Map<String, String> regionNames) {
		if (value == null || (value instanceof Collection<?> list && list.isEmpty())) {
			return message("correction.value.empty");
		}
		String separator = message("correction.separator");
		return switch (field) {
			case "transferredAt" -> this.dates.dateTime(Instant.parse(value.toString()));
			case "channel" -> message("channel." + value);
			case "priority" -> message("priority." + value);
			case "regions" -> ((Collection<?>) value).stream()
				.map((code) -> regionNames.getOrDefault(code.toString(), code.toString()))
				.collect(Collectors.joining(separator));
			case "pollutionTypes" -> ((Collection<?>) value).stream()
				.map((type) -> message("pollution." + type))
				.collect(Collectors.joining(separator));
			default -> value.toString();
		};
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
