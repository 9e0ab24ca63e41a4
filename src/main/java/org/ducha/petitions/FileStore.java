package org.ducha.petitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A content-addressed file store under the data directory: a file's bytes are kept at
 * {@code files/ab/cdef…}, named by their SHA-256, so that the same file uploaded twice is
 * kept once and a stored file can never change. A file is written to a temporary file
 * first and moved into place atomically, so that a reader never sees half a file.
 */
@Component
class FileStore {

	/** A file received but not yet kept: its bytes in a temporary file. */
	record Received(Path temporary, long size, String sha256, boolean tooLarge) {

	}

	private final Path files;

	private final Path incoming;

	FileStore(@Value("${ducha.data-dir:./data}") Path dataDir) {
		this.files = dataDir.resolve("files");
		this.incoming = dataDir.resolve("files").resolve("incoming");
	}

	/**
	 * Copies a stream into a temporary file, stopping after {@code maxBytes} + 1 bytes.
	 * The caller keeps or discards the result.
	 */
	Received receive(InputStream in, long maxBytes) {
		try {
			Files.createDirectories(this.incoming);
			Path temporary = Files.createTempFile(this.incoming, "upload-", ".part");
			MessageDigest digest = sha256();
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = in.read(buffer)) != -1) {
					size += read;
					if (size > maxBytes) {
						break;
					}
					out.write(buffer, 0, read);
				}
			}
			return new Received(temporary, size, HexFormat.of().formatHex(digest.digest()), size > maxBytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Moves a received file to its place by content; a file already there is kept. */
	void keep(Received received) {
		Path target = path(received.sha256());
		try {
			Files.createDirectories(target.getParent());
			if (Files.exists(target)) {
				discard(received);
				return;
			}
			try {
				Files.move(received.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(received.temporary(), target);
			}
		}
		catch (FileAlreadyExistsException ex) {
			discard(received);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void discard(Received received) {
		try {
			Files.deleteIfExists(received.temporary());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path path(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return this.files.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
