package org.ducha.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The redaction corpus ({@code src/test/resources/redaction/corpus.tsv}) and how
 * {@link PersonalNumbers} scores on it. A number counts as found only when its kind and
 * its exact characters in the original text are found; anything else found is a false
 * positive, on a positive line as on a negative one.
 */
public final class PersonalNumbersCorpus {

	static final String RESOURCE = "/redaction/corpus.tsv";

	private static final String OPEN = "[[";

	private static final String CLOSE = "]]";

	/** A marked personal number: its kind and where it is in the unmarked text. */
	public record Expected(String kind, int start, int end) {

	}

	/** One line of the corpus, its marks removed. */
	public record Case(int line, String kind, String text, List<Expected> expected) {

		boolean negative() {
			return "NONE".equals(this.kind);
		}

	}

	/** What went wrong on one line, for the report. */
	public record Miss(int line, String what, String text) {

	}

	/**
	 * The figures: per kind, how many marked numbers and how many found; false positives
	 * on positive and on negative lines.
	 */
	public record Score(int positiveCases, int negativeCases, Map<String, int[]> byKind, int truePositives,
			int falseNegatives, int falsePositives, int negativeCasesWithAFinding, List<Miss> misses) {

		public double recall() {
			int expected = this.truePositives + this.falseNegatives;
			return (expected == 0) ? 1 : (double) this.truePositives / expected;
		}

		public double precision() {
			int found = this.truePositives + this.falsePositives;
			return (found == 0) ? 1 : (double) this.truePositives / found;
		}

		/** The figures as a plain-text table. */
		public String report() {
			StringBuilder out = new StringBuilder();
			out.append(String.format("Redaction corpus %s: %d positive cases (%d numbers), %d negative cases%n%n",
					RESOURCE, this.positiveCases, this.truePositives + this.falseNegatives, this.negativeCases));
			out.append(String.format("%-14s %8s %8s %8s%n", "kind", "numbers", "found", "recall"));
			for (Map.Entry<String, int[]> kind : this.byKind.entrySet()) {
				int[] counts = kind.getValue();
				out.append(String.format("%-14s %8d %8d %7.1f%%%n", kind.getKey(), counts[0], counts[1],
						(counts[0] == 0) ? 100.0 : 100.0 * counts[1] / counts[0]));
			}
			out.append(String.format("%n%-40s %d%n", "true positives", this.truePositives));
			out.append(String.format("%-40s %d%n", "false negatives (missed)", this.falseNegatives));
			out.append(String.format("%-40s %d%n", "false positives (found, not personal)", this.falsePositives));
			out.append(String.format("%-40s %d of %d%n", "negative cases with a finding",
					this.negativeCasesWithAFinding, this.negativeCases));
			out.append(String.format("%-40s %.1f%%%n", "recall", 100 * recall()));
			out.append(String.format("%-40s %.1f%%%n", "precision", 100 * precision()));
			if (!this.misses.isEmpty()) {
				out.append(String.format("%nMisses:%n"));
				for (Miss miss : this.misses) {
					out.append(String.format("  line %d: %s in %s%n", miss.line(), miss.what(), miss.text()));
				}
			}
			return out.toString();
		}

	}

	private final List<Case> cases;

	private PersonalNumbersCorpus(List<Case> cases) {
		this.cases = cases;
	}

	public static PersonalNumbersCorpus load() {
		try (InputStream in = PersonalNumbersCorpus.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the class path");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<Case> cases = new ArrayList<>();
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				int tab = line.indexOf('\t');
				if (tab < 0) {
					throw new IllegalStateException(RESOURCE + " line " + number + ": no tab between kind and text");
				}
				cases.add(parse(number, line.substring(0, tab), line.substring(tab + 1)));
			}
			return new PersonalNumbersCorpus(cases);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Case parse(int line, String kind, String marked) {
		StringBuilder text = new StringBuilder();
		List<Expected> expected = new ArrayList<>();
		int at = 0;
		while (true) {
			int open = marked.indexOf(OPEN, at);
			if (open < 0) {
				text.append(marked, at, marked.length());
				break;
			}
			int close = marked.indexOf(CLOSE, open);
			if (close < 0) {
				throw new IllegalStateException(RESOURCE + " line " + line + ": [[ without ]]");
			}
			text.append(marked, at, open);
			int start = text.length();
			text.append(marked, open + OPEN.length(), close);
			expected.add(new Expected(kind, start, text.length()));
			at = close + CLOSE.length();
		}
		if ("NONE".equals(kind) != expected.isEmpty()) {
			throw new IllegalStateException(
					RESOURCE + " line " + line + ": a NONE line marks nothing, any other line marks its numbers");
		}
		return new Case(line, kind, text.toString(), List.copyOf(expected));
	}

	public List<Case> cases() {
		return this.cases;
	}

	public Score score() {
		Map<String, int[]> byKind = new TreeMap<>();
		List<Miss> misses = new ArrayList<>();
		int truePositives = 0;
		int falseNegatives = 0;
		int falsePositives = 0;
		int negativesWithAFinding = 0;
		int positives = 0;
		for (Case c : this.cases) {
			List<PersonalNumbers.Found> found = PersonalNumbers.find(c.text());
			List<PersonalNumbers.Found> unmatched = new ArrayList<>(found);
			if (c.negative()) {
				if (!found.isEmpty()) {
					negativesWithAFinding++;
				}
			}
			else {
				positives++;
			}
			for (Expected e : c.expected()) {
				int[] counts = byKind.computeIfAbsent(e.kind(), (k) -> new int[2]);
				counts[0]++;
				PersonalNumbers.Found hit = unmatched.stream()
					.filter((f) -> f.kind().name().equals(e.kind()) && f.start() == e.start() && f.end() == e.end())
					.findFirst()
					.orElse(null);
				if (hit != null) {
					counts[1]++;
					truePositives++;
					unmatched.remove(hit);
				}
				else {
					falseNegatives++;
					misses.add(new Miss(c.line(), "missed " + e.kind() + " " + c.text().substring(e.start(), e.end())
							+ found(found, c.text()), c.text()));
				}
			}
			for (PersonalNumbers.Found f : unmatched) {
				falsePositives++;
				misses.add(new Miss(c.line(), "wrongly found " + f.kind() + " " + f.value(), c.text()));
			}
		}
		return new Score(positives, this.cases.size() - positives, byKind, truePositives, falseNegatives,
				falsePositives, negativesWithAFinding, misses);
	}

	private static String found(List<PersonalNumbers.Found> found, String text) {
		if (found.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder(" (found");
		for (PersonalNumbers.Found f : found) {
			out.append(' ').append(f.kind()).append(' ').append(text, f.start(), f.end());
		}
		return out.append(')').toString();
	}

}
