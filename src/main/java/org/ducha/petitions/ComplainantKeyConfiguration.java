package org.ducha.petitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complainant key lives outside the database: in {@code ducha.complainant.key}
 * (base64 of 32 bytes, from the environment or a secrets file) or, when that is not set,
 * in a key file beside the embedded database that is created on first start. A stolen
 * database dump alone does not reveal any complainant.
 */
@Configuration(proxyBeanMethods = false)
class ComplainantKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ComplainantKeyConfiguration.class);

	/**
	 * The cipher that seals new values is {@code ducha.complainant.cipher}:
	 * {@code AES-GCM} (the default) or {@code SM4-GCM}; values sealed by either open
	 * whichever is chosen.
	 */
	@Bean
	ComplainantCipher complainantCipher(@Value("${ducha.complainant.key:}") String key,
			@Value("${ducha.complainant.key-file:./data/complainant.key}") Path keyFile,
			@Value("${ducha.complainant.cipher:AES-GCM}") String algorithm) {
		byte[] secret = Base64.getDecoder().decode(key.isBlank() ? readOrCreate(keyFile) : key.strip());
		ComplainantCipher aes = new AesGcmComplainantCipher(secret);
		ComplainantCipher sm4 = new Sm4GcmComplainantCipher(secret);
		ComplainantCipher sealing = switch (algorithm.strip().toUpperCase(Locale.ROOT)) {
			case "AES-GCM" -> aes;
			case "SM4-GCM" -> sm4;
			default -> throw new IllegalArgumentException(
					"ducha.complainant.cipher must be AES-GCM or SM4-GCM, not " + algorithm);
		};
		return new PrefixedComplainantCipher(sealing,
				Map.of(AesGcmComplainantCipher.PREFIX, aes, Sm4GcmComplainantCipher.PREFIX, sm4));
	}

	private static String readOrCreate(Path keyFile) {
		try {
			if (Files.exists(keyFile)) {
				return Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			String encoded = Base64.getEncoder().encodeToString(key);
			Path parent = keyFile.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Files.writeString(keyFile, encoded + "\n", StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				log.warn("Could not restrict the permissions of {}", keyFile);
			}
			log.warn("Created a new complainant key in {}. Back it up: without it, complainant data cannot be read. "
					+ "In production set ducha.complainant.key instead.", keyFile);
			return encoded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the complainant key " + keyFile, ex);
		}
	}

}
