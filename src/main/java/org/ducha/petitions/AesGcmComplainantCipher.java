package org.ducha.petitions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh 96-bit nonce per value. The sealed form is
 * {@code A1:<base64(nonce || ciphertext || tag)>}; a value that was tampered with, or
 * sealed under another key, fails to open instead of yielding wrong data.
 */
final class AesGcmComplainantCipher implements ComplainantCipher {

	static final String PREFIX = "A1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte[] CONTEXT = "ducha complainant".getBytes(StandardCharsets.UTF_8);

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	AesGcmComplainantCipher(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("The complainant key must be 32 bytes (AES-256), not " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	@Override
	public String seal(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(CONTEXT);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal complainant data", ex);
		}
	}

	@Override
	public String open(String sealed) {
		if (sealed == null) {
			return null;
		}
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("Complainant data sealed by an unknown cipher");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(CONTEXT);
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Complainant data cannot be opened with this key", ex);
		}
	}

}
