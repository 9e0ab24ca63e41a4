package org.ducha.petitions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The words the inspection teams' tables use for a pollution type or a channel
 * ({@code 大气污染}, {@code 噪音}, {@code 扬尘}, {@code 电话}, {@code 网络举报}…) and the term each
 * stands for. Kept as data in {@code petitions/intake-vocabulary.txt}: the same for every
 * installation, reviewed and versioned with the import that reads it and the template
 * that lists it, and checked when the application starts.
 */
@Component
public class IntakeVocabulary {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern SECTION = Pattern.compile("\\[(.+)]");

	private final Map<String, PollutionType> pollutionTypes = new LinkedHashMap<>();

	private final Map<String, Channel> channels = new LinkedHashMap<>();

	IntakeVocabulary(@Value("classpath:petitions/intake-vocabulary.txt") Resource words) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(words.getInputStream(), StandardCharsets.UTF_8))) {
			read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void read(BufferedReader in) throws IOException {
		String section = null;
		int number = 0;
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			number++;
			String text = line.strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			var heading = SECTION.matcher(text);
			if (heading.matches()) {
				section = heading.group(1).strip();
				continue;
			}
			int equals = text.indexOf('=');
			if (equals < 0) {
				throw wrongLine(number, line, "expected: word = term");
			}
			String word = normalised(text.substring(0, equals));
			String term = text.substring(equals + 1).strip();
			if ("污染类型".equals(section)) {
				add(this.pollutionTypes, word, term, PollutionType::fromTerm, number, line);
			}
			else if ("来源".equals(section)) {
				add(this.channels, word, term, Channel::fromTerm, number, line);
			}
			else {
				throw wrongLine(number, line, "a word outside the sections [污染类型] and [来源]");
			}
		}
	}

	private static <T> void add(Map<String, T> words, String word, String term, Function<String, Optional<T>> fromTerm,
			int number, String line) {
		T value = fromTerm.apply(term).orElseThrow(() -> wrongLine(number, line, "unknown term " + term));
		if (word.isEmpty() || fromTerm.apply(word).isPresent() || words.containsKey(word)) {
			throw wrongLine(number, line, "the word is empty, a term itself, or given twice");
		}
		words.put(word, value);
	}

	private static IllegalStateException wrongLine(int number, String line, String reason) {
		return new IllegalStateException(
				"petitions/intake-vocabulary.txt line " + number + " (" + line + "): " + reason);
	}

	/**
	 * The text as the words are compared: full-width characters half-width, spaces
	 * removed.
	 */
	static String normalised(String written) {
		return SPACES.matcher(Normalizer.normalize(written, Normalizer.Form.NFKC)).replaceAll("");
	}

	/**
	 * The pollution type a word in 污染类型 stands for: its term, English name or a word for
	 * it.
	 */
	public Optional<PollutionType> pollutionType(String written) {
		return meaning(written, PollutionType::fromTerm, this.pollutionTypes);
	}

	/** The channel a word in 来源 stands for: its term, English name or a word for it. */
	public Optional<Channel> channel(String written) {
		return meaning(written, Channel::fromTerm, this.channels);
	}

	private static <T> Optional<T> meaning(String written, Function<String, Optional<T>> fromTerm,
			Map<String, T> words) {
		if (written == null) {
			return Optional.empty();
		}
		String word = normalised(written);
		return fromTerm.apply(word).or(() -> Optional.ofNullable(words.get(word)));
	}

	/** Every word for a pollution type, in the file's order. */
	public Map<String, PollutionType> pollutionTypeWords() {
		return Collections.unmodifiableMap(this.pollutionTypes);
	}

	/** Every word for a channel, in the file's order. */
	public Map<String, Channel> channelWords() {
		return Collections.unmodifiableMap(this.channels);
	}

}
