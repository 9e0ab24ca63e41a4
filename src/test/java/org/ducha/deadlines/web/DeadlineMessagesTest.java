package org.ducha.deadlines.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar pages say everything through the message bundles, in both languages.
 */
class DeadlineMessagesTest {

	private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">\\s*([^<\\s][^<]*?)\\s*<");

	private static final Pattern LITERAL_ATTRIBUTE = Pattern
		.compile("\\s(title|placeholder|aria-label|alt)=\"([^\"]*)\"");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.]+)");

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "calendar.html", "calendar-form.html" })
	void templateHasNoLiteralText(String template) throws IOException {
		String html = template(template);
		Set<String> literal = new TreeSet<>();
		collect(TEXT_BETWEEN_TAGS.matcher(html), 1, literal);
		collect(LITERAL_ATTRIBUTE.matcher(html), 2, literal);

		assertThat(literal).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "calendar.html", "calendar-form.html" })
	void everyKeyOfTheTemplateIsInBothBundles(String template) throws IOException {
		Set<String> keys = new TreeSet<>();
		collect(MESSAGE_KEY.matcher(template(template)), 1, keys);
		keys.removeIf((key) -> key.startsWith("history.") || key.startsWith("error."));

		assertThat(bundle("deadlines").stringPropertyNames()).containsAll(keys);
		assertThat(bundle("deadlines_en").stringPropertyNames()).containsAll(keys);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "deadlines", "deadlines_en" })
	void bundlesHaveTheSameKeys(String name) throws IOException {
		String other = name.equals("deadlines") ? "deadlines_en" : "deadlines";

		assertThat(bundle(name).stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle(other).stringPropertyNames());
	}

	private static void collect(Matcher matcher, int group, Set<String> into) {
		while (matcher.find()) {
			into.add(matcher.group(group));
		}
	}

	private static String template(String name) throws IOException {
		return new ClassPathResource("templates/deadlines/" + name).getContentAsString(StandardCharsets.UTF_8);
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(
				new ClassPathResource("messages/" + name + ".properties").getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
