package org.ducha.petitions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A line diff of two texts by longest common subsequence. Reports are written as long
 * paragraphs, so a "line" is a sentence: the text is cut after each line break and after
 * each sentence-ending mark (。！？；), which shows a reviewer the sentences that changed
 * rather than the whole paragraph.
 */
final class TextDiff {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;\\n])");

	private TextDiff() {
	}

	static List<String> sentences(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> sentences = new ArrayList<>();
		for (String piece : SENTENCE_END.split(text.replace("\r\n", "\n"))) {
			String sentence = piece.strip();
			if (!sentence.isEmpty()) {
				sentences.add(sentence);
			}
		}
		return sentences;
	}

	static List<ReportChanges.Line> between(String before, String after) {
		List<String> a = sentences(before);
		List<String> b = sentences(after);
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<ReportChanges.Line> lines = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			if (a.get(i).equals(b.get(j))) {
				lines.add(new ReportChanges.Line(ReportChanges.Kind.KEPT, a.get(i)));
				i++;
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				lines.add(new ReportChanges.Line(ReportChanges.Kind.REMOVED, a.get(i++)));
			}
			else {
				lines.add(new ReportChanges.Line(ReportChanges.Kind.ADDED, b.get(j++)));
			}
		}
		while (i < a.size()) {
			lines.add(new ReportChanges.Line(ReportChanges.Kind.REMOVED, a.get(i++)));
		}
		while (j < b.size()) {
			lines.add(new ReportChanges.Line(ReportChanges.Kind.ADDED, b.get(j++)));
		}
		return Collections.unmodifiableList(lines);
	}

}
