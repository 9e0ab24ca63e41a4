package org.ducha.petitions;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907) in GCM mode with a fresh 96-bit nonce per value, for installations
 * that must use the national algorithms. Its 128-bit key is derived from the
 * installation's complainant key with HKDF over SM3, so one secret serves both ciphers
 * and values sealed before a switch still open. The sealed form is
 * {@code S1:<base64(nonce || ciphertext || tag)>}.
 */
final class Sm4GcmComplainantCipher implements ComplainantCipher {

	static final String PREFIX = "S1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte[] CONTEXT = "ducha complainant".getBytes(StandardCharsets.UTF_8);

	private static final byte[] KEY_INFO = "ducha complainant SM4-GCM".getBytes(StandardCharsets.UTF_8);

	private final KeyParameter key;

	private final SecureRandom random = new SecureRandom();

	Sm4GcmComplainantCipher(byte[] installationKey) {
		if (installationKey.length != 32) {
			throw new IllegalArgumentException("The complainant key must be 32 bytes, not " + installationKey.length);
		}
		HKDFBytesGenerator derivation = new HKDFBytesGenerator(new SM3Digest());
		derivation.init(new HKDFParameters(installationKey, null, KEY_INFO));
		byte[] sm4Key = new byte[16];
		derivation.generateBytes(sm4Key, 0, sm4Key.length);
		this.key = new KeyParameter(sm4Key);
	}

	@Override
	public String seal(String plain) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] text = plain.getBytes(StandardCharsets.UTF_8);
		GCMModeCipher cipher = cipher(true, nonce);
		byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(text.length)];
		System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
		try {
			int written = cipher.processBytes(text, 0, text.length, out, NONCE_BYTES);
			cipher.doFinal(out, NONCE_BYTES + written);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException("Cannot seal complainant data", ex);
		}
		return PREFIX + Base64.getEncoder().encodeToString(out);
	}

	@Override
	public String open(String sealed) {
		if (sealed == null) {
			return null;
		}
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("Complainant data sealed by another cipher");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			if (in.length < NONCE_BYTES + TAG_BITS / 8) {
				throw new IllegalStateException("Complainant data cannot be opened with this key: too short");
			}
			byte[] nonce = new byte[NONCE_BYTES];
			System.arraycopy(in, 0, nonce, 0, NONCE_BYTES);
			GCMModeCipher cipher = cipher(false, nonce);
			byte[] out = new byte[cipher.getOutputSize(in.length - NONCE_BYTES)];
			int written = cipher.processBytes(in, NONCE_BYTES, in.length - NONCE_BYTES, out, 0);
			written += cipher.doFinal(out, written);
			return new String(out, 0, written, StandardCharsets.UTF_8);
		}
		catch (InvalidCipherTextException | IllegalArgumentException ex) {
			throw new IllegalStateException("Complainant data cannot be opened with this key", ex);
		}
	}

	private GCMModeCipher cipher(boolean sealing, byte[] nonce) {
		GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
		cipher.init(sealing, new AEADParameters(this.key, TAG_BITS, nonce, CONTEXT));
		return cipher;
	}

}
