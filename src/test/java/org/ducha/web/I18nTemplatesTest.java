package org.ducha.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a person reads comes from the message bundles, in Chinese and in English:
 * templates hold no literal text, every key they name exists, and each bundle's Chinese
 * default file and {@code _en} file hold the same keys.
 * <p>
 * Literal text is forbidden everywhere in a template, including prototype text inside an
 * element whose {@code th:text} replaces it: such text is dead and would hide a missing
 * {@code th:text} from this test.
 */
class I18nTemplatesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/**
	 * Thymeleaf inlined expressions and HTML character references, which are not text.
	 */
	private static final Pattern NOT_TEXT = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]|&#?\\w+;", Pattern.DOTALL);

	/** Visible attributes written literally; {@code th:title} and the like are fine. */
	private static final Pattern VISIBLE_ATTRIBUTE = Pattern
		.compile("(?<![\\w:-])(placeholder|title|alt|aria-label)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

	private static final Pattern BUTTON_INPUT = Pattern
		.compile("^<input\\b.*\\btype\\s*=\\s*[\"']?(submit|button|reset)\\b", Pattern.DOTALL);

	private static final Pattern VALUE_ATTRIBUTE = Pattern
		.compile("(?<![\\w:-])value\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

	/** A plain key in a message expression, {@code #{key}} or {@code #{key(args)}}. */
	private static final Pattern MESSAGE_KEY = Pattern
		.compile("#\\{\\s*([\\w.-]+)\\s*[}(]|#messages\\.msg(?:WithParams)?\\(\\s*'([\\w.-]+)'");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> findings = new ArrayList<>();
		for (Path template : templates()) {
			findings.addAll(literalText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
		}
		assertThat(findings).as("literal text in templates; put it in the message bundles").isEmpty();
	}

	@Test
	void everyKeyTemplatesUseIsInTheBundles() throws IOException {
		Set<String> bundled = new TreeSet<>();
		for (Map<String, Properties> bundle : bundles().values()) {
			bundle.values().forEach((messages) -> bundled.addAll(messages.stringPropertyNames()));
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			missing.addAll(missingKeys(TEMPLATES.relativize(template).toString(), Files.readString(template), bundled));
		}
		assertThat(missing).as("message keys used in templates but missing from the bundles").isEmpty();
	}

	@Test
	void chineseAndEnglishBundlesHoldTheSameKeys() throws IOException {
		Map<String, Map<String, Properties>> bundles = bundles();
		assertThat(bundles).as("bundles under " + MESSAGES).containsKey("common");
		List<String> problems = new ArrayList<>();
		bundles.forEach((name, files) -> problems.addAll(unmatchedKeys(name, files)));
		assertThat(problems).as("bundles out of step").isEmpty();
	}

	@Test
	void reportsLiteralTextWithFileAndLine() {
		String template = """
				<main>
					<!-- 注释不显示 -->
					<h1 th:text="#{home.title}"></h1>
					<p th:if="${a > b}">[[${name}]]&nbsp;</p>
					<p>请核实</p>
					<input th:placeholder="#{x}" placeholder="姓名">
					<img alt="logo" th:alt="#{y}">
					<input type="submit" value="提交">
					<input type="hidden" name="role" value="OFFICE">
				</main>
				""";
		assertThat(literalText("t.html", template)).containsExactly("t.html:5: 请核实", "t.html:6: placeholder=\"姓名\"",
				"t.html:7: alt=\"logo\"", "t.html:8: value=\"提交\"");
	}

	@Test
	void reportsMissingPlainKeysWithLineAndSkipsComputedOnes() {
		String template = """
				<p th:text="#{home.greeting(${user.name})}" th:title="#{a.b}"></p>
				<p th:text="#{${'role.' + role}}"></p>
				<p th:text="${#messages.msg('c-d')}"></p>
				""";
		assertThat(missingKeys("t.html", template, Set.of("a.b"))).containsExactly("t.html:1: home.greeting",
				"t.html:3: c-d");
	}

	@Test
	void reportsKeysMissingFromEitherLanguage() {
		Properties chinese = new Properties();
		chinese.setProperty("a", "甲");
		chinese.setProperty("b", "乙");
		Properties english = new Properties();
		english.setProperty("a", "A");
		english.setProperty("c", "C");
		assertThat(unmatchedKeys("x", Map.of("x.properties", chinese, "x_en.properties", english)))
			.containsExactly("x_en.properties lacks [b]", "x.properties lacks [c]");
		assertThat(unmatchedKeys("y", Map.of("y.properties", chinese))).containsExactly("y_en.properties is missing");
	}

	static List<String> literalText(String name, String template) {
		List<String> findings = new ArrayList<>();
		int textStart = 0;
		int i = 0;
		while (i < template.length()) {
			if (template.startsWith("<!--", i)) {
				checkText(name, template, textStart, i, findings);
				int end = template.indexOf("-->", i + 4);
				i = (end < 0) ? template.length() : end + 3;
				textStart = i;
			}
			else if (startsTag(template, i)) {
				checkText(name, template, textStart, i, findings);
				int end = endOfTag(template, i);
				checkAttributes(name, template, template.substring(i, end), i, findings);
				i = end;
				textStart = i;
			}
			else {
				i++;
			}
		}
		checkText(name, template, textStart, template.length(), findings);
		return findings;
	}

	private static boolean startsTag(String template, int i) {
		if (template.charAt(i) != '<' || i + 1 >= template.length()) {
			return false;
		}
		char next = template.charAt(i + 1);
		return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
	}

	/**
	 * The index after the tag's closing {@code >}, skipping {@code >} in quoted values.
	 */
	private static int endOfTag(String template, int start) {
		char quote = 0;
		for (int i = start + 1; i < template.length(); i++) {
			char c = template.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				return i + 1;
			}
		}
		return template.length();
	}

	private static void checkText(String name, String template, int start, int end, List<String> findings) {
		String text = template.substring(start, end);
		Matcher notText = NOT_TEXT.matcher(text);
		StringBuilder words = new StringBuilder(text);
		while (notText.find()) {
			for (int j = notText.start(); j < notText.end(); j++) {
				words.setCharAt(j, ' ');
			}
		}
		Matcher letter = LETTER.matcher(words);
		if (letter.find()) {
			findings.add(name + ":" + lineOf(template, start + letter.start()) + ": " + words.toString().strip());
		}
	}

	private static void checkAttributes(String name, String template, String tag, int start, List<String> findings) {
		report(name, template, VISIBLE_ATTRIBUTE.matcher(tag), start, findings);
		if (BUTTON_INPUT.matcher(tag).find()) {
			report(name, template, VALUE_ATTRIBUTE.matcher(tag), start, findings);
		}
	}

	private static void report(String name, String template, Matcher attributes, int start, List<String> findings) {
		while (attributes.find()) {
			String value = attributes.group(attributes.groupCount() - 1);
			if (value == null) {
				value = attributes.group(attributes.groupCount());
			}
			if (LETTER.matcher(value).find()) {
				findings
					.add(name + ":" + lineOf(template, start + attributes.start()) + ": " + attributes.group().strip());
			}
		}
	}

	private static int lineOf(String template, int offset) {
		return (int) template.substring(0, offset).chars().filter((c) -> c == '\n').count() + 1;
	}

	static List<String> missingKeys(String name, String template, Set<String> bundled) {
		List<String> missing = new ArrayList<>();
		Matcher matcher = MESSAGE_KEY.matcher(template);
		while (matcher.find()) {
			String key = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			if (!bundled.contains(key)) {
				missing.add(name + ":" + lineOf(template, matcher.start()) + ": " + key);
			}
		}
		return missing;
	}

	static List<String> unmatchedKeys(String bundle, Map<String, Properties> files) {
		String chineseName = bundle + ".properties";
		String englishName = bundle + "_en.properties";
		List<String> problems = new ArrayList<>();
		Properties chinese = files.get(chineseName);
		Properties english = files.get(englishName);
		if (chinese == null) {
			problems.add(chineseName + " is missing");
		}
		if (english == null) {
			problems.add(englishName + " is missing");
		}
		if (chinese != null && english != null) {
			reportLacking(englishName, chinese, english, problems);
			reportLacking(chineseName, english, chinese, problems);
		}
		return problems;
	}

	private static void reportLacking(String fileName, Properties reference, Properties checked,
			List<String> problems) {
		Set<String> lacking = new TreeSet<>(reference.stringPropertyNames());
		lacking.removeAll(checked.stringPropertyNames());
		if (!lacking.isEmpty()) {
			problems.add(fileName + " lacks " + lacking);
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	/** Every bundle under {@code messages/} by base name, each file by file name. */
	private static Map<String, Map<String, Properties>> bundles() throws IOException {
		Map<String, Map<String, Properties>> bundles = new TreeMap<>();
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".properties")).sorted().toList()) {
				String fileName = file.getFileName().toString();
				String bundle = fileName.replaceFirst("(_[a-zA-Z]{2}(_[a-zA-Z]{2})?)?\\.properties$", "");
				Properties messages = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					messages.load(reader);
				}
				bundles.computeIfAbsent(bundle, (name) -> new TreeMap<>()).put(fileName, messages);
			}
		}
		return bundles;
	}

}
