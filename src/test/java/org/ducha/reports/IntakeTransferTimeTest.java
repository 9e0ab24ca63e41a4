package org.ducha.reports;

import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeTransferTimeTest {

	@ParameterizedTest
	@ValueSource(strings = { "2024-05-08 09:30", "2024/5/8 9:30", "2024年5月8日9时30分", "2024年5月8日 9:30",
			"2024-05-08T09:30", "2024-05-08T09:30:00", "2024.5.8 09:30", "２０２４年５月８日　９：３０", "２０２４－０５－０８ ０９:３０" })
	void officialsWaysOfWritingATimeAreRead(String text) {
		assertThat(TransferTime.parse(text)).contains(LocalDateTime.of(2024, 5, 8, 9, 30));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-13-08 09:30", "五月八日", "2024-02-30", "9:30", "2024-05-08 25:00" })
	void impossibleOrIncompleteTimesAreNotRead(String text) {
		assertThat(TransferTime.parse(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-05-08", "2024年5月8日" })
	void aDateAloneIsTheStartOfThatDay(String text) {
		assertThat(TransferTime.parse(text)).contains(LocalDateTime.of(2024, 5, 8, 0, 0));
	}

}
