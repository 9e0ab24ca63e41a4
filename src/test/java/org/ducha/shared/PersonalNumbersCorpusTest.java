package org.ducha.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redaction corpus: every personal number of the positive cases is found, exactly its
 * characters and of its kind, and nothing is found where there is none.
 */
class PersonalNumbersCorpusTest {

	private final PersonalNumbersCorpus corpus = PersonalNumbersCorpus.load();

	@Test
	void theCorpusHoldsAtLeastAHundredPositiveAndAHundredNegativeCases() {
		PersonalNumbersCorpus.Score score = this.corpus.score();
		assertThat(score.positiveCases()).isGreaterThanOrEqualTo(100);
		assertThat(score.negativeCases()).isGreaterThanOrEqualTo(100);
	}

	@Test
	void everyPersonalNumberOfThePositiveCasesIsFound() {
		PersonalNumbersCorpus.Score score = this.corpus.score();
		assertThat(score.falseNegatives()).as(score.report()).isZero();
	}

	@Test
	void nothingIsFoundThatIsNotPersonal() {
		PersonalNumbersCorpus.Score score = this.corpus.score();
		assertThat(score.falsePositives()).as(score.report()).isZero();
		assertThat(score.negativeCasesWithAFinding()).isZero();
	}

}
