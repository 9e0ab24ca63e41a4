package org.ducha.petitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

	private static final Pattern STORED = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{62}");

	private final Path files;

	private final Path incoming;

	private final Clock clock;

	FileStore(@Value("${ducha.data-dir:./data}") Path dataDir, Clock clock) {
		this.files = dataDir.resolve("files");
		this.incoming = dataDir.resolve("files").resolve("incoming");
		this.clock = clock;
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

	/**
	 * Moves a received file to its place by content; a file already there is kept, and
	 * touched, so that the {@link #removeIfUnused janitor} sees it in use.
	 */
	void keep(Received received) {
		Path target = path(received.sha256());
		try {
			Files.createDirectories(target.getParent());
			if (touch(target)) {
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

	/**
	 * @return whether the file was there to touch
	 */
	private boolean touch(Path file) throws IOException {
		try {
			Files.setLastModifiedTime(file, FileTime.from(this.clock.instant()));
			return true;
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	/** The SHA-256 of every stored file, and a file's last use, for the janitor. */
	Map<String, Instant> stored() {
		Map<String, Instant> stored = new HashMap<>();
		if (!Files.isDirectory(this.files)) {
			return stored;
		}
		try (Stream<Path> all = Files.find(this.files, 2, (path, attributes) -> attributes.isRegularFile())) {
			all.forEach((file) -> {
				String relative = this.files.relativize(file).toString().replace('\\', '/');
				if (STORED.matcher(relative).matches()) {
					lastUse(file).ifPresent((at) -> stored.put(relative.replace("/", ""), at));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return stored;
	}

	/**
	 * Removes a stored file that nothing refers to and that has not been used since
	 * {@code lastUse}. It is first moved aside, atomically, and kept if it was used in
	 * the meantime: a transaction that is keeping the same content either touched it
	 * before (and the file goes back) or finds it gone and puts its own copy in place.
	 * @return whether the file was removed
	 */
	boolean removeIfUnused(String sha256, Instant lastUse) {
		Path file = path(sha256);
		Path aside = file.resolveSibling(file.getFileName() + ".removing");
		try {
			Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			if (lastUse(aside).map((at) -> at.isAfter(lastUse)).orElse(false)) {
				try {
					Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (FileAlreadyExistsException ex) {
					// Kept again meanwhile with the same content.
					Files.deleteIfExists(aside);
				}
				return false;
			}
			Files.deleteIfExists(aside);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes uploads left half-received (a crash, a dropped connection) before
	 * {@code before}.
	 */
	int removeAbandonedUploads(Instant before) {
		if (!Files.isDirectory(this.incoming)) {
			return 0;
		}
		int removed = 0;
		try (Stream<Path> parts = Files.list(this.incoming)) {
			for (Path part : parts.toList()) {
				if (lastUse(part).map((at) -> at.isBefore(before)).orElse(false) && Files.deleteIfExists(part)) {
					removed++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return removed;
	}

	private static Optional<Instant> lastUse(Path file) {
		try {
			return Optional.of(Files.getLastModifiedTime(file).toInstant());
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
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
