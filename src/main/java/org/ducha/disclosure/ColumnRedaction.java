package org.ducha.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ducha.shared.PersonalNumbers;

/**
 * One column of one case as the public will read it: every personal number found
 * automatically hidden unless the office keeps it, and every piece of text the office
 * hides by hand hidden wherever it occurs in the column. Hiding by hand wins over
 * keeping: a kept number inside words hidden by hand stays hidden.
 *
 * @param shown the text as published
 * @param redactions what is hidden, in the order of the text
 * @param applied how often each decision applied, by decision id
 */
record ColumnRedaction(String shown, List<Redaction> redactions, Map<Long, Integer> applied) {

	private static final int CONTEXT = 12;

	static ColumnRedaction of(String receiptNumber, TextColumn column, String text,
			List<DisclosureDecision> decisions) {
		if (text == null || text.isEmpty()) {
			return new ColumnRedaction("", List.of(), Map.of());
		}
		Map<String, DisclosureDecision> kept = new HashMap<>();
		List<DisclosureDecision> byHand = new ArrayList<>();
		for (DisclosureDecision d : decisions) {
			if (d.action() == DisclosureDecision.Action.KEEP) {
				kept.put(d.written(), d);
			}
			else {
				byHand.add(d);
			}
		}
		StringBuilder shown = new StringBuilder(text);
		Map<Long, Integer> applied = new HashMap<>();
		List<Map.Entry<Integer, Redaction>> hidden = new ArrayList<>();
		for (PersonalNumbers.Found found : PersonalNumbers.find(text)) {
			DisclosureDecision keep = kept.get(found.value());
			if (keep != null) {
				applied.merge(keep.id(), 1, Integer::sum);
				continue;
			}
			shown.replace(found.start(), found.end(), found.masked());
			hidden.add(Map.entry(found.start(), new Redaction(receiptNumber, column, found.kind().name(), found.value(),
					found.masked(), context(text, found.start(), found.end()), null)));
		}
		for (DisclosureDecision hand : byHand) {
			String words = hand.written();
			int first = text.indexOf(words);
			int times = 0;
			for (int at = first; at >= 0; at = text.indexOf(words, at + words.length())) {
				for (int i = at; i < at + words.length(); i++) {
					if (!Character.isWhitespace(text.charAt(i))) {
						shown.setCharAt(i, '*');
					}
				}
				times++;
			}
			if (times > 0) {
				applied.put(hand.id(), times);
				hidden.add(Map.entry(first, new Redaction(receiptNumber, column, Redaction.BY_HAND, words, hand.shown(),
						context(text, first, first + words.length()), hand.id())));
			}
		}
		hidden.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
		return new ColumnRedaction(shown.toString(), hidden.stream().map(Map.Entry::getValue).toList(), applied);
	}

	private static String context(String text, int start, int end) {
		int from = Math.max(0, start - CONTEXT);
		int to = Math.min(text.length(), end + CONTEXT);
		return ((from > 0) ? "…" : "") + text.substring(from, to) + ((to < text.length()) ? "…" : "");
	}

}
