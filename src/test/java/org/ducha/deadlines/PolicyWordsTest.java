package org.ducha.deadlines;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyWordsTest {

	private final PolicyWords words = new PolicyWords(messages());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages/deadlines");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/**
	 * The policies of deadlines.md and a few more, as officials and English readers say
	 * them.
	 */
	@ParameterizedTest(name = "{0} reads \"{1}\" / \"{2}\"")
	@CsvSource(delimiter = '|', textBlock = """
			DURATION PT24H               | 24 小时内                   | within 24 hours
			DURATION PT6H                | 6 小时内                    | within 6 hours
			DURATION PT1H                | 1 小时内                    | within 1 hour
			DURATION PT1H30M             | 1 小时 30 分钟内             | within 1 hour 30 minutes
			DURATION PT45M               | 45 分钟内                   | within 45 minutes
			DAY_N 5 12:00                | 第5日12:00前                | by 12:00 on day 5
			DAY_N 3 24:00                | 第3日24:00前                | by the end of day 3
			DAY_N 10 24:00               | 第10日24:00前               | by the end of day 10
			WORKDAY_N 5 24:00            | 5个工作日内                  | within 5 working days
			WORKDAY_N 1 24:00            | 1个工作日内                  | within 1 working day
			WORKDAY_N 10 17:30           | 第10个工作日17:30前          | by 17:30 on working day 10
			DAY_N 5 12:00 WARN PT12H     | 第5日12:00前（提前 12 小时预警） | by 12:00 on day 5 (warned 12 hours before)
			DURATION PT6H WARN PT0S      | 6 小时内（不预警）            | within 6 hours (no warning)
			""")
	void policyReadsInWordsInBothLanguages(String policy, String chinese, String english) {
		DeadlinePolicy parsed = DeadlinePolicy.parse(policy);
		assertThat(this.words.of(parsed, Locale.SIMPLIFIED_CHINESE)).isEqualTo(chinese);
		assertThat(this.words.of(parsed, Locale.ENGLISH)).isEqualTo(english);
	}

}
