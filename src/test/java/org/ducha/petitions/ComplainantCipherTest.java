package org.ducha.petitions;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ComplainantCipherTest {

	private static final byte[] KEY = Base64.getDecoder().decode("q72cZIOuREhB5lJwdZ/pr5Tw++20LpfUQJvVCojatRo=");

	private static final byte[] OTHER_KEY = new byte[32];

	@Test
	void theEngineIsSm4AsStandardised() {
		// GB/T 32907-2016, appendix A, example 1: one block under one key.
		byte[] block = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
		SM4Engine engine = new SM4Engine();
		engine.init(true, new KeyParameter(block));
		byte[] out = new byte[16];
		engine.processBlock(block, 0, out, 0);
		assertThat(HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
	}

	@Test
	void bothCiphersSealWithAFreshNonceAndOpenWhatTheySealed() {
		for (ComplainantCipher cipher : new ComplainantCipher[] { new AesGcmComplainantCipher(KEY),
				new Sm4GcmComplainantCipher(KEY) }) {
			String first = cipher.seal("王某某 13907990001");
			String second = cipher.seal("王某某 13907990001");
			assertThat(first).isNotEqualTo(second).doesNotContain("13907990001");
			assertThat(cipher.open(first)).isEqualTo("王某某 13907990001");
			assertThat(cipher.seal(null)).isNull();
			assertThat(cipher.open(null)).isNull();
		}
		assertThat(new Sm4GcmComplainantCipher(KEY).seal("x")).startsWith("S1:");
		assertThat(new AesGcmComplainantCipher(KEY).seal("x")).startsWith("A1:");
	}

	@Test
	void aTamperedValueOrAnotherKeyFailsToOpenRatherThanYieldWrongData() {
		Sm4GcmComplainantCipher cipher = new Sm4GcmComplainantCipher(KEY);
		String sealed = cipher.seal("13907990001");
		byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
		raw[raw.length - 1] ^= 1;
		String tampered = "S1:" + Base64.getEncoder().encodeToString(raw);
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(tampered));
		assertThatIllegalStateException().isThrownBy(() -> new Sm4GcmComplainantCipher(OTHER_KEY).open(sealed));
		assertThatIllegalStateException().isThrownBy(() -> cipher.open("S1:AAAA"));
	}

	@Test
	void switchingTheSealingCipherKeepsEarlierValuesReadable() {
		ComplainantCipher aes = new AesGcmComplainantCipher(KEY);
		ComplainantCipher sm4 = new Sm4GcmComplainantCipher(KEY);
		Map<String, ComplainantCipher> both = Map.of("A1:", aes, "S1:", sm4);
		String sealedBefore = new PrefixedComplainantCipher(aes, both).seal("王某某");
		PrefixedComplainantCipher afterSwitch = new PrefixedComplainantCipher(sm4, both);
		String sealedAfter = afterSwitch.seal("李某某");
		assertThat(sealedAfter).startsWith("S1:");
		assertThat(afterSwitch.open(sealedBefore)).isEqualTo("王某某");
		assertThat(afterSwitch.open(sealedAfter)).isEqualTo("李某某");
		assertThatIllegalStateException().isThrownBy(() -> afterSwitch.open("X9:abc"));
	}

	@Test
	void theConfigurationChoosesTheSealingCipherAndRefusesAnUnknownOne() {
		ComplainantKeyConfiguration configuration = new ComplainantKeyConfiguration();
		String key = Base64.getEncoder().encodeToString(KEY);
		assertThat(configuration.complainantCipher(key, null, "SM4-GCM").seal("x")).startsWith("S1:");
		assertThat(configuration.complainantCipher(key, null, "aes-gcm").seal("x")).startsWith("A1:");
		assertThatIllegalArgumentException().isThrownBy(() -> configuration.complainantCipher(key, null, "DES"))
			.withMessageContaining("AES-GCM or SM4-GCM");
	}

}
