package org.ducha.petitions;

import java.util.Map;

/**
 * Seals with the installation's chosen cipher and opens each value with the cipher its
 * prefix names, so that switching from AES-GCM to SM4-GCM (or back) needs no migration of
 * what was sealed before.
 */
final class PrefixedComplainantCipher implements ComplainantCipher {

	private final ComplainantCipher sealing;

	private final Map<String, ComplainantCipher> byPrefix;

	PrefixedComplainantCipher(ComplainantCipher sealing, Map<String, ComplainantCipher> byPrefix) {
		this.sealing = sealing;
		this.byPrefix = Map.copyOf(byPrefix);
	}

	@Override
	public String seal(String plain) {
		return this.sealing.seal(plain);
	}

	@Override
	public String open(String sealed) {
		if (sealed == null) {
			return null;
		}
		int colon = sealed.indexOf(':');
		ComplainantCipher cipher = (colon > 0) ? this.byPrefix.get(sealed.substring(0, colon + 1)) : null;
		if (cipher == null) {
			throw new IllegalStateException("Complainant data sealed by an unknown cipher");
		}
		return cipher.open(sealed);
	}

}
