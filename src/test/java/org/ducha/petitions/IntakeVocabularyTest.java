package org.ducha.petitions;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IntakeVocabularyTest {

	private final IntakeVocabulary vocabulary = new IntakeVocabulary(
			new ClassPathResource("petitions/intake-vocabulary.txt"));

	@Test
	void theWordsOfRealTablesStandForTheirTerms() {
		assertThat(this.vocabulary.pollutionType("大气污染")).contains(PollutionType.AIR);
		assertThat(this.vocabulary.pollutionType("扬尘")).contains(PollutionType.AIR);
		assertThat(this.vocabulary.pollutionType("噪音")).contains(PollutionType.NOISE);
		assertThat(this.vocabulary.pollutionType("水污染")).contains(PollutionType.WATER);
		assertThat(this.vocabulary.pollutionType("其他污染")).contains(PollutionType.OTHER);
		assertThat(this.vocabulary.pollutionType("群众身边的生态环境问题")).contains(PollutionType.OTHER);
		assertThat(this.vocabulary.channel("电话")).contains(Channel.PHONE);
		assertThat(this.vocabulary.channel("信件")).contains(Channel.LETTER);
		assertThat(this.vocabulary.channel("网络 举报")).contains(Channel.ONLINE);
	}

	@Test
	void theTermsAndTheirEnglishNamesStandForThemselves() {
		assertThat(this.vocabulary.pollutionType("大气")).contains(PollutionType.AIR);
		assertThat(this.vocabulary.pollutionType("noise")).contains(PollutionType.NOISE);
		assertThat(this.vocabulary.channel("来电")).contains(Channel.PHONE);
		assertThat(this.vocabulary.pollutionType("不详")).isEmpty();
		assertThat(this.vocabulary.channel("传真")).isEmpty();
	}

	@Test
	void aLineTheApplicationDoesNotUnderstandStopsItStarting() {
		for (String wrong : new String[] { "[污染类型]\n扬尘 = 空气", "[污染类型]\n扬尘 大气", "扬尘 = 大气", "[来源]\n来电 = 来电",
				"[来源]\n电话 = 来电\n电话 = 来信" }) {
			assertThatIllegalStateException().as(wrong)
				.isThrownBy(() -> new IntakeVocabulary(new ByteArrayResource(wrong.getBytes(StandardCharsets.UTF_8))))
				.withMessageContaining("intake-vocabulary.txt line");
		}
	}

}
