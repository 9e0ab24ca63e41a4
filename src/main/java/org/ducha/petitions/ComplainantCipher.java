package org.ducha.petitions;

/**
 * Seals complainant data before it is stored and opens it for the office. An interface so
 * that an installation can replace AES-GCM with SM4 (GM/T 0002) without touching the
 * cases; the prefix of a sealed value names the algorithm and key that sealed it.
 */
public interface ComplainantCipher {

	/** Seals a value; {@code null} stays {@code null}. */
	String seal(String plain);

	/** Opens a value this cipher sealed; {@code null} stays {@code null}. */
	String open(String sealed);

}
