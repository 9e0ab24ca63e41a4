package org.ducha.petitions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The kinds of evidence a unit may attach, recognised by their content, never by the name
 * or the type the browser sends: JPEG and PNG images, PDF, Word and Excel files. A file
 * is accepted only when its content is one of these and its name's extension says the
 * same.
 */
enum EvidenceTypes {

	JPEG("image/jpeg", "jpg", "jpeg"), PNG("image/png", "png"), PDF("application/pdf", "pdf"),
	DOC("application/msword", "doc"), XLS("application/vnd.ms-excel", "xls"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	/** The OLE2 compound file header of Word 97–2003 and Excel 97–2003 files. */
	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
			0x1A, (byte) 0xE1 };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 0x03, 0x04 };

	private final String contentType;

	private final String[] extensions;

	EvidenceTypes(String contentType, String... extensions) {
		this.contentType = contentType;
		this.extensions = extensions;
	}

	String contentType() {
		return this.contentType;
	}

	boolean matchesName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		String extension = (dot < 0) ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.asList(this.extensions).contains(extension);
	}

	/** The kind of the file's content, or empty when it is none of the accepted kinds. */
	static Optional<EvidenceTypes> detect(Path file) throws IOException {
		byte[] head = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		if (startsWith(head, read, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, read, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, read, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(head, read, OLE2_MAGIC)) {
			return compoundDocument(file);
		}
		if (startsWith(head, read, ZIP_MAGIC)) {
			return officeOpenXml(file);
		}
		return Optional.empty();
	}

	/**
	 * Word keeps its text in a stream named {@code WordDocument}, Excel in
	 * {@code Workbook} (or {@code Book} before Excel 97); the names are stored in
	 * UTF-16LE in the compound file's directory.
	 */
	private static Optional<EvidenceTypes> compoundDocument(Path file) throws IOException {
		byte[] content = Files.readAllBytes(file);
		if (contains(content, utf16("WordDocument"))) {
			return Optional.of(DOC);
		}
		if (contains(content, utf16("Workbook")) || contains(content, utf16("Book"))) {
			return Optional.of(XLS);
		}
		return Optional.empty();
	}

	/**
	 * A .docx holds {@code word/…} entries, an .xlsx {@code xl/…}; other zips are
	 * refused.
	 */
	private static Optional<EvidenceTypes> officeOpenXml(Path file) throws IOException {
		boolean contentTypes = false;
		boolean word = false;
		boolean excel = false;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				String name = entries.nextElement().getName();
				contentTypes |= name.equals("[Content_Types].xml");
				word |= name.startsWith("word/");
				excel |= name.startsWith("xl/");
			}
		}
		catch (ZipException ex) {
			return Optional.empty();
		}
		if (!contentTypes || word == excel) {
			return Optional.empty();
		}
		return Optional.of(word ? DOCX : XLSX);
	}

	private static boolean startsWith(byte[] head, int read, byte[] magic) {
		return read >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
	}

	private static byte[] utf16(String name) {
		return name.getBytes(StandardCharsets.UTF_16LE);
	}

	private static boolean contains(byte[] content, byte[] pattern) {
		outer: for (int i = 0; i <= content.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (content[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
