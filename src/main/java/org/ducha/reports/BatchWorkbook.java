package org.ducha.reports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.ducha.accounts.AccountQueries;
import org.ducha.accounts.Region;
import org.ducha.petitions.Channel;
import org.ducha.petitions.IntakeField;
import org.ducha.petitions.IntakeProblem;
import org.ducha.petitions.IntakeRejected;
import org.ducha.petitions.NewPetition;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads the first sheet of a transferred batch workbook (.xlsx, the columns of
 * {@link IntakeField}) into cases, or refuses it with every problem of the file, its
 * columns and its cells at once. The sheet is streamed, never loaded as a whole, and the
 * zip behind it is opened with POI's zip-bomb limits.
 */
@Component
public class BatchWorkbook {

	/** Above this, a file is refused before it is opened. */
	private final long maxBytes;

	private final int maxRows;

	private final AccountQueries accounts;

	private final Clock clock;

	private static final Pattern SEPARATORS = Pattern.compile("[、;；,，]+");

	private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

	/**
	 * A zip entry that inflates beyond this is refused (about 25 times the largest sheet
	 * we expect).
	 */
	private static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

	/** POI's default: an entry may inflate at most a hundredfold. */
	private static final double MIN_INFLATE_RATIO = 0.01;

	BatchWorkbook(@Value("${ducha.intake.max-bytes:20MB}") DataSize maxBytes,
			@Value("${ducha.intake.max-rows:10000}") int maxRows, AccountQueries accounts, Clock clock) {
		this.maxBytes = maxBytes.toBytes();
		this.maxRows = maxRows;
		this.accounts = accounts;
		this.clock = clock;
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
	}

	/** The largest file accepted, in bytes. */
	public long maxBytes() {
		return this.maxBytes;
	}

	/** The most rows of cases a file may hold. */
	public int maxRows() {
		return this.maxRows;
	}

	/** A size in megabytes, as messages show it. */
	public static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	/**
	 * Reads the cases of a workbook.
	 * @param size the file's size as uploaded, checked before anything is read
	 * @return the cases, each with its spreadsheet row (the first data row is row 2)
	 * @throws IntakeRejected with every problem found; for the file as a whole the
	 * problem has row 0
	 */
	public IntakeSheet read(InputStream in, long size) {
		if (size > this.maxBytes) {
			throw fileProblem("intake.file.tooLarge", megabytes(size), megabytes(this.maxBytes));
		}
		Path copy = null;
		try {
			BufferedInputStream buffered = new BufferedInputStream(in);
			FileMagic magic = magic(buffered);
			if (magic == FileMagic.OLE2) {
				throw fileProblem("intake.file.oldExcel");
			}
			if (magic != FileMagic.OOXML) {
				throw fileProblem("intake.file.notSpreadsheet");
			}
			copy = Files.createTempFile("ducha-intake", ".xlsx");
			try (OutputStream out = Files.newOutputStream(copy)) {
				long copied = copyAtMost(buffered, out, this.maxBytes);
				if (copied > this.maxBytes) {
					throw fileProblem("intake.file.tooLarge", megabytes(copied), megabytes(this.maxBytes));
				}
			}
			return parse(copy);
		}
		catch (IOException ex) {
			throw fileProblem("intake.file.unreadable");
		}
		finally {
			if (copy != null) {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException ex) {
					copy.toFile().deleteOnExit();
				}
			}
		}
	}

	private static FileMagic magic(BufferedInputStream in) throws IOException {
		try {
			return FileMagic.valueOf(in);
		}
		catch (EmptyFileException ex) {
			return FileMagic.UNKNOWN;
		}
	}

	private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) > 0) {
			total += n;
			if (total > limit) {
				return total;
			}
			out.write(buffer, 0, n);
		}
		return total;
	}

	private IntakeSheet parse(Path file) {
		OPCPackage pkg = null;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw fileProblem("intake.file.empty");
			}
			RowCollector rows = new RowCollector(this.maxRows);
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser
					.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IntakeCells(), false));
				parser.parse(new InputSource(sheet));
			}
			catch (TooManyRows ex) {
				throw fileProblem("intake.file.tooManyRows", this.maxRows);
			}
			return toSheet(rows);
		}
		catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException | RuntimeException ex) {
			if (ex instanceof IntakeRejected rejected) {
				throw rejected;
			}
			if (zipBomb(ex)) {
				throw fileProblem("intake.file.zipBomb");
			}
			throw fileProblem("intake.file.unreadable");
		}
		finally {
			if (pkg != null) {
				pkg.revert();
			}
		}
	}

	private static boolean zipBomb(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
				return true;
			}
		}
		return false;
	}

	private IntakeSheet toSheet(RowCollector collected) {
		List<IntakeProblem> problems = new ArrayList<>();
		List<String> header = collected.header;
		if (header == null) {
			throw fileProblem("intake.file.empty");
		}
		Map<IntakeField, Integer> columns = columns(header, problems);
		if (collected.rows.isEmpty()) {
			problems.add(new IntakeProblem(0, null, null, "intake.file.noRows"));
		}
		Regions regions = new Regions(this.accounts.regions());
		List<NewPetition> petitions = new ArrayList<>();
		List<Integer> rowNumbers = new ArrayList<>();
		for (Map.Entry<Integer, Map<Integer, String>> row : collected.rows.entrySet()) {
			RowReader reader = new RowReader(row.getKey(), row.getValue(), columns, problems);
			petitions.add(reader.petition(regions));
			rowNumbers.add(row.getKey());
		}
		if (!problems.isEmpty()) {
			throw new IntakeRejected(problems);
		}
		return new IntakeSheet(petitions, rowNumbers);
	}

	/**
	 * Finds each field's column by its heading, ignoring surrounding spaces; names the
	 * missing, unknown and repeated headings, and a wrong order.
	 */
	private static Map<IntakeField, Integer> columns(List<String> header, List<IntakeProblem> problems) {
		Map<String, IntakeField> byHeading = Arrays.stream(IntakeField.values())
			.collect(Collectors.toMap(IntakeField::heading, Function.identity()));
		Map<IntakeField, Integer> columns = new EnumMap<>(IntakeField.class);
		for (int i = 0; i < header.size(); i++) {
			String heading = clean(header.get(i));
			if (heading == null) {
				continue;
			}
			IntakeField field = byHeading.get(heading);
			String column = CellReference.convertNumToColString(i);
			if (field == null) {
				problems.add(new IntakeProblem(1, null, heading, "intake.column.unknown", column));
			}
			else if (columns.containsKey(field)) {
				problems.add(new IntakeProblem(1, field, heading, "intake.column.duplicate", column));
			}
			else {
				columns.put(field, i);
			}
		}
		for (IntakeField field : IntakeField.values()) {
			if (!columns.containsKey(field)) {
				problems.add(new IntakeProblem(1, field, null, "intake.column.missing", field.heading()));
			}
		}
		List<IntakeField> found = columns.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.toList();
		List<IntakeField> expected = Arrays.stream(IntakeField.values()).filter(columns::containsKey).toList();
		if (!found.equals(expected)) {
			problems.add(new IntakeProblem(1, null, null, "intake.column.order",
					Arrays.stream(IntakeField.values()).map(IntakeField::heading).collect(Collectors.joining("、"))));
		}
		return columns;
	}

	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static IntakeRejected fileProblem(String code, Object... args) {
		return new IntakeRejected(List.of(new IntakeProblem(0, null, null, code, args)));
	}

	/** One data row's cells, turned into a case while its problems are collected. */
	private final class RowReader {

		private final int row;

		private final Map<Integer, String> cells;

		private final Map<IntakeField, Integer> columns;

		private final List<IntakeProblem> problems;

		RowReader(int row, Map<Integer, String> cells, Map<IntakeField, Integer> columns,
				List<IntakeProblem> problems) {
			this.row = row;
			this.cells = cells;
			this.columns = columns;
			this.problems = problems;
		}

		String text(IntakeField field) {
			Integer column = this.columns.get(field);
			String value = (column != null) ? clean(this.cells.get(column)) : null;
			if (value == null && field.required() && column != null) {
				problem(field, null, "intake.required");
			}
			return value;
		}

		void problem(IntakeField field, String value, String code, Object... args) {
			this.problems.add(new IntakeProblem(this.row, field, value, code, args));
		}

		NewPetition petition(Regions regions) {
			String receiptNumber = text(IntakeField.RECEIPT_NUMBER);
			Instant transferredAt = transferredAt(text(IntakeField.TRANSFERRED_AT));
			Channel channel = term(IntakeField.CHANNEL, Channel::fromTerm, Channel.values(), Channel::term);
			String complaint = text(IntakeField.COMPLAINT);
			String reportedObject = text(IntakeField.REPORTED_OBJECT);
			String address = text(IntakeField.ADDRESS);
			List<String> regionCodes = regions(regions, text(IntakeField.REGIONS));
			Set<PollutionType> types = pollutionTypes(text(IntakeField.POLLUTION_TYPES));
			Priority priority = term(IntakeField.PRIORITY, Priority::fromTerm, Priority.values(), Priority::term);
			String repeatOf = repeatOf(text(IntakeField.REPEAT), text(IntakeField.REPEAT_OF));
			return new NewPetition(receiptNumber, transferredAt, channel, priority, complaint, reportedObject, address,
					regionCodes, types, repeatOf, text(IntakeField.COMPLAINANT_NAME),
					text(IntakeField.COMPLAINANT_PHONE));
		}

		private Instant transferredAt(String value) {
			if (value == null) {
				return null;
			}
			Optional<Instant> time = TransferTime.parse(value)
				.map((local) -> local.atZone(BatchWorkbook.this.clock.getZone()).toInstant());
			if (time.isEmpty()) {
				problem(IntakeField.TRANSFERRED_AT, value, "intake.dateTime.invalid");
			}
			return time.orElse(null);
		}

		private <T> T term(IntakeField field, Function<String, Optional<T>> fromTerm, T[] values,
				Function<T, String> term) {
			String value = text(field);
			if (value == null) {
				return null;
			}
			Optional<T> found = fromTerm.apply(value);
			if (found.isEmpty()) {
				problem(field, value, "intake.term.unknown",
						Arrays.stream(values).map(term).collect(Collectors.joining("、")));
			}
			return found.orElse(null);
		}

		private List<String> regions(Regions regions, String value) {
			if (value == null) {
				return List.of();
			}
			Set<String> codes = new LinkedHashSet<>();
			for (String part : split(value)) {
				List<String> matches = regions.codesOf(part);
				if (matches.size() == 1) {
					codes.add(matches.get(0));
				}
				else if (matches.isEmpty()) {
					problem(IntakeField.REGIONS, part, "intake.region.unknownName");
				}
				else {
					problem(IntakeField.REGIONS, part, "intake.region.ambiguous", String.join("、", matches));
				}
			}
			return List.copyOf(codes);
		}

		private Set<PollutionType> pollutionTypes(String value) {
			if (value == null) {
				return Set.of();
			}
			Set<PollutionType> types = EnumSet.noneOf(PollutionType.class);
			for (String part : split(value)) {
				Optional<PollutionType> type = PollutionType.fromTerm(part);
				if (type.isPresent()) {
					types.add(type.get());
				}
				else {
					problem(IntakeField.POLLUTION_TYPES, part, "intake.term.unknown",
							Arrays.stream(PollutionType.values())
								.map(PollutionType::term)
								.collect(Collectors.joining("、")));
				}
			}
			return types;
		}

		private String repeatOf(String repeat, String repeatOf) {
			boolean isRepeat = false;
			if (repeat != null) {
				if (repeat.equals("是")) {
					isRepeat = true;
				}
				else if (!repeat.equals("否")) {
					problem(IntakeField.REPEAT, repeat, "intake.repeat.invalid");
					return repeatOf;
				}
			}
			if (isRepeat && repeatOf == null) {
				problem(IntakeField.REPEAT_OF, null, "intake.repeatOf.required");
			}
			else if (!isRepeat && repeatOf != null) {
				problem(IntakeField.REPEAT_OF, repeatOf, "intake.repeatOf.notRepeat");
			}
			return isRepeat ? repeatOf : null;
		}

		private List<String> split(String value) {
			return Arrays.stream(SEPARATORS.split(value)).map(String::strip).filter((s) -> !s.isEmpty()).toList();
		}

	}

	/** The regions a cell may name, by name or by six-digit code. */
	private static final class Regions {

		private final Map<String, List<String>> byName = new HashMap<>();

		private final Set<String> codes = new LinkedHashSet<>();

		Regions(List<Region> regions) {
			for (Region region : regions) {
				this.byName.computeIfAbsent(region.name(), (name) -> new ArrayList<>()).add(region.code());
				this.codes.add(region.code());
			}
		}

		/**
		 * The codes a cell's text may mean: a six-digit code stands for itself (the
		 * import checks that it belongs to the round), a name for the regions so named.
		 */
		List<String> codesOf(String text) {
			if (REGION_CODE.matcher(text).matches()) {
				return List.of(text);
			}
			return this.byName.getOrDefault(text, List.of());
		}

	}

	/**
	 * Signals, from inside the SAX parse, that the sheet holds more rows than allowed.
	 */
	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super("too many rows", null, false, false);
		}

	}

	/**
	 * Collects the header (row 1) and each non-blank data row's cells by column index,
	 * keyed by spreadsheet row number.
	 */
	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int maxRows;

		List<String> header;

		final Map<Integer, Map<Integer, String>> rows = new LinkedHashMap<>();

		private Map<Integer, String> current;

		private int currentRow;

		RowCollector(int maxRows) {
			this.maxRows = maxRows;
		}

		@Override
		public void startRow(int rowNum) {
			this.currentRow = rowNum + 1;
			this.current = new HashMap<>();
		}

		@Override
		public void endRow(int rowNum) {
			boolean blank = this.current.values().stream().allMatch((v) -> v == null || v.isBlank());
			if (this.header == null) {
				if (blank) {
					return;
				}
				int width = this.current.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
				this.header = new ArrayList<>();
				for (int i = 0; i < width; i++) {
					this.header.add(this.current.get(i));
				}
				return;
			}
			if (blank) {
				return;
			}
			if (this.rows.size() >= this.maxRows) {
				throw new TooManyRows();
			}
			this.rows.put(this.currentRow, this.current);
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			if (cellReference == null || formattedValue == null) {
				return;
			}
			this.current.put((int) new CellReference(cellReference).getCol(), formattedValue);
		}

	}

}
