package org.ducha.petitions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReceiptNumberTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "D3JX202405080001|D3JX202405080001", "' D3JX 2024 0508 0001* '|D3JX202405080001",
					"d3jx202405080001|D3JX202405080001", "Ｄ３ＪＸ２０２４０５０８０００１|D3JX202405080001", "30号|30号", "30 号**|30号",
					"〔2024〕15号|〔2024〕15号", "[2024]15号|〔2024〕15号", "（2024）15号|〔2024〕15号", "【2024】 15号|〔2024〕15号",
					"﹝2024﹞15号|〔2024〕15号", "访受〔2021〕0517032号|访受〔2021〕0517032号", "D2NX-2021-0011|D2NX-2021-0011" })
	void theTeamsWaysOfWritingANumberHaveOneKey(String written, String key) {
		ReceiptNumber number = ReceiptNumber.of(written);
		assertThat(number.key()).isEqualTo(key);
		assertThat(number.text()).isEqualTo(written.strip());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "见附件", "无", "D3JX 2024; 0001", "D3JX2024050800012345678901234567890" })
	void textThatIsNoReceiptNumberIsRefused(String written) {
		assertThat(ReceiptNumber.isValid(written)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ReceiptNumber.of(written));
	}

	@Test
	void aKeyIsGivenForAnyTextToLookANumberUp() {
		assertThat(ReceiptNumber.keyOf(null)).isNull();
		assertThat(ReceiptNumber.keyOf(" d3jx ")).isEqualTo("D3JX");
	}

}
