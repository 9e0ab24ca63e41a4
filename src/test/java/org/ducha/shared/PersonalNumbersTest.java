package org.ducha.shared;

import org.ducha.shared.PersonalNumbers.Found;
import org.ducha.shared.PersonalNumbers.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How personal numbers are found and masked; the redaction corpus
 * ({@link PersonalNumbersCorpusTest}) covers the many ways they are written.
 */
class PersonalNumbersTest {

	@Test
	void aFullWidthNumberIsFoundAtItsPlaceInTheOriginalTextAndMaskedThere() {
		String text = "手机：１３８－１２３４－５６７８，请回电。";
		assertThat(PersonalNumbers.find(text)).singleElement().satisfies((found) -> {
			assertThat(found.kind()).isEqualTo(Kind.MOBILE);
			assertThat(text.substring(found.start(), found.end())).isEqualTo("１３８－１２３４－５６７８");
			assertThat(found.value()).isEqualTo("１３８－１２３４－５６７８");
			assertThat(found.masked()).isEqualTo("***－****－****");
		});
		assertThat(PersonalNumbers.redact(text)).isEqualTo("手机：***－****－****，请回电。");
	}

	@Test
	void anEighteenDigitNumberIsAnIdCardOnlyWithItsCheckDigit() {
		assertThat(PersonalNumbers.validIdCard18("36012419711215294X")).isTrue();
		assertThat(PersonalNumbers.validIdCard18("360124197112152941")).isFalse();
		assertThat(PersonalNumbers.find("报告编号360313202611210017，附照片。")).isEmpty();
		assertThat(PersonalNumbers.find("身份证号36012419711215294X。")).extracting(Found::kind)
			.containsExactly(Kind.ID_CARD);
	}

	@Test
	void anEighteenDigitNumberWithAnImpossibleBirthDateIsNoIdCard() {
		assertThat(PersonalNumbers.validIdCard18("360313198502300010")).isFalse();
	}

	@Test
	void aFifteenDigitNumberIsAnOldIdCardOnlyWithARealBirthDate() {
		assertThat(PersonalNumbers.validIdCard15("360302850702846")).isTrue();
		assertThat(PersonalNumbers.validIdCard15("360302850229846")).isFalse();
		assertThat(PersonalNumbers.find("老营业执照注册号360302000012345。")).isEmpty();
	}

	@Test
	void aCardNumberIsABankCardOnlyWhenItPassesLuhn() {
		assertThat(PersonalNumbers.luhn("6225881372159011")).isTrue();
		assertThat(PersonalNumbers.luhn("6225881372159012")).isFalse();
		assertThat(PersonalNumbers.find("案件编号6201202611210005，已结案。")).isEmpty();
		assertThat(PersonalNumbers.find("卡号6225 8813 7215 9011。")).extracting(Found::kind, Found::masked)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.BANK_CARD, "**** **** **** ****"));
	}

	@Test
	void aPlateKeepsItsProvinceAndIssuingLetter() {
		assertThat(PersonalNumbers.redact("渣土车赣J·12345夜间抛洒。")).isEqualTo("渣土车赣J·*****夜间抛洒。");
		assertThat(PersonalNumbers.redact("挂车赣J·1234挂。")).isEqualTo("挂车赣J·*****。");
	}

	@Test
	void anEmailAddressKeepsItsDomain() {
		assertThat(PersonalNumbers.redact("邮箱zhang.san@163.com。")).isEqualTo("邮箱*****.***@163.com。");
	}

	@Test
	void aTelGluedToTheNumberIsNotHidden() {
		assertThat(PersonalNumbers.redact("联系人Tel13812345678。")).isEqualTo("联系人Tel***********。");
	}

	@Test
	void aNumberGluedToLettersOrDigitsIsNotPersonal() {
		assertThat(PersonalNumbers.find("受理编号D410000201806210057，编号X13907990001Y，123913907990001")).isEmpty();
	}

	@Test
	void aNumberWrittenInChineseNumeralsIsFound() {
		assertThat(PersonalNumbers.redact("电话一三九零七九九零零一七，请勿泄露。")).isEqualTo("电话***********，请勿泄露。");
	}

	@Test
	void textWithoutNumbersIsReturnedAsItIs() {
		assertThat(PersonalNumbers.redact("经调查，举报属实。")).isEqualTo("经调查，举报属实。");
		assertThat(PersonalNumbers.find(null)).isEmpty();
	}

}
