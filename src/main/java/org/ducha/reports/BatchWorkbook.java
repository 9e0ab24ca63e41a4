package org.ducha.reports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.ducha.petitions.IntakeVocabulary;
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
 * {@link IntakeField}) into cases with every problem of its columns and cells, or refuses
 * a file that cannot be read at all. Tables are read as the teams publish them: a title
 * line above the headings, line breaks in headings, full-width characters, the words of
 * {@link IntakeVocabulary} for pollution types and channels, districts written after
 * their parents. The sheet is streamed, never loaded as a whole, and the zip behind it is
 * opened with POI's zip-bomb limits.
 */
@Component
public class BatchWorkbook {

	/** Above this, a file is refused before it is opened. */
	private final long maxBytes;

	private final int maxRows;

	private final AccountQueries accounts;

	private final Clock clock;

	private final IntakeVocabulary vocabulary;

	/**
	 * Between pollution types, after full-width characters are made half-width:
	 * {@code 水、大气}, {@code 水 大气}, {@code 水/大气}, {@code 水;大气}, {@code 水,大气}.
	 */
	private static final Pattern TYPE_SEPARATORS = Pattern.compile("[、;,/\\s]+");

	/**
	 * Between districts; a space may also be one (湘东区 芦溪县) unless it is inside one
	 * district written with its parents (萍乡市 湘东区).
	 */
	private static final Pattern REGION_SEPARATORS = Pattern.compile("[、;,/]+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern HEADING_NOISE = Pattern.compile("[\\s*]+");

	private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

	private static final Set<String> HEADINGS = Arrays.stream(IntakeField.values())
		.map(IntakeField::heading)
		.collect(Collectors.toSet());

	/** A row that names this many of the template's headings is the headings. */
	private static final int HEADER_MATCHES = 3;

	/** How many non-blank rows (a title, a date line…) may stand above the headings. */
	private static final int MAX_ROWS_ABOVE_HEADER = 10;

	/**
	 * A zip entry that inflates beyond this is refused (about 25 times the largest sheet
	 * we expect).
	 */
	private static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

	/** POI's default: an entry may inflate at most a hundredfold. */
	private static final double MIN_INFLATE_RATIO = 0.01;

	BatchWorkbook(@Value("${ducha.intake.max-bytes:20MB}") DataSize maxBytes,
			@Value("${ducha.intake.max-rows:10000}") int maxRows, AccountQueries accounts, Clock clock,
			IntakeVocabulary vocabulary) {
		this.maxBytes = maxBytes.toBytes();
		this.maxRows = maxRows;
		this.accounts = accounts;
		this.clock = clock;
		this.vocabulary = vocabulary;
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
	 * @return the cases, each with its spreadsheet row (the first after the headings),
	 * and the problems of the headings and cells
	 * @throws IntakeRejected when the file cannot be read as a batch at all (too large,
	 * not a workbook, no headings); the problem has row 0
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
		Map<IntakeField, Integer> columns = columns(header, collected.headerRow, problems);
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
		return new IntakeSheet(petitions, rowNumbers, problems);
	}

	/**
	 * A heading as compared with the template's: full-width characters half-width, and
	 * spaces, line breaks and the {@code *} some teams mark required columns with
	 * removed.
	 */
	static String heading(String text) {
		if (text == null) {
			return null;
		}
		String heading = HEADING_NOISE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
		return heading.isEmpty() ? null : heading;
	}

	/**
	 * Whether a row is the headings: it names at least a few of the template's columns.
	 */
	static boolean isHeader(Map<Integer, String> cells) {
		return cells.values().stream().map(BatchWorkbook::heading).filter(HEADINGS::contains).count() >= HEADER_MATCHES;
	}

	/**
	 * Finds each field's column by its heading ({@link #heading}); names the missing,
	 * unknown and repeated headings, and a wrong order.
	 */
	private static Map<IntakeField, Integer> columns(List<String> header, int headerRow, List<IntakeProblem> problems) {
		Map<String, IntakeField> byHeading = Arrays.stream(IntakeField.values())
			.collect(Collectors.toMap(IntakeField::heading, Function.identity()));
		Map<IntakeField, Integer> columns = new EnumMap<>(IntakeField.class);
		for (int i = 0; i < header.size(); i++) {
			String heading = heading(header.get(i));
			if (heading == null) {
				continue;
			}
			IntakeField field = byHeading.get(heading);
			String column = CellReference.convertNumToColString(i);
			if (field == null) {
				problems.add(new IntakeProblem(headerRow, null, heading, "intake.column.unknown", column));
			}
			else if (columns.containsKey(field)) {
				problems.add(new IntakeProblem(headerRow, field, heading, "intake.column.duplicate", column));
			}
			else {
				columns.put(field, i);
			}
		}
		for (IntakeField field : IntakeField.values()) {
			if (!columns.containsKey(field)) {
				problems.add(new IntakeProblem(headerRow, field, null, "intake.column.missing", field.heading()));
			}
		}
		List<IntakeField> found = columns.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.toList();
		List<IntakeField> expected = Arrays.stream(IntakeField.values()).filter(columns::containsKey).toList();
		if (!found.equals(expected)) {
			problems.add(new IntakeProblem(headerRow, null, null, "intake.column.order",
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

	/** Full-width characters as half-width, for the cells that are read as terms. */
	private static String halfWidth(String text) {
		return (text != null) ? clean(Normalizer.normalize(text, Normalizer.Form.NFKC)) : null;
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

		private final Map<IntakeField, String> asWritten = new EnumMap<>(IntakeField.class);

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
			Channel channel = channel(text(IntakeField.CHANNEL));
			String complaint = text(IntakeField.COMPLAINT);
			String reportedObject = text(IntakeField.REPORTED_OBJECT);
			String address = text(IntakeField.ADDRESS);
			List<String> regionCodes = regions(regions, text(IntakeField.REGIONS));
			Set<PollutionType> types = pollutionTypes(text(IntakeField.POLLUTION_TYPES));
			Priority priority = priority(text(IntakeField.PRIORITY));
			String repeatOf = repeatOf(halfWidth(text(IntakeField.REPEAT)), text(IntakeField.REPEAT_OF));
			return new NewPetition(receiptNumber, transferredAt, channel, priority, complaint, reportedObject, address,
					regionCodes, types, repeatOf, text(IntakeField.COMPLAINANT_NAME),
					halfWidth(text(IntakeField.COMPLAINANT_PHONE)), this.asWritten);
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

		private Channel channel(String value) {
			if (value == null) {
				return null;
			}
			Optional<Channel> channel = BatchWorkbook.this.vocabulary.channel(value);
			if (channel.isEmpty()) {
				problem(IntakeField.CHANNEL, value, "intake.term.unknown",
						Arrays.stream(Channel.values()).map(Channel::term).collect(Collectors.joining("、")));
				return null;
			}
			keepAsWritten(IntakeField.CHANNEL, value, channel.get().term());
			return channel.get();
		}

		private Priority priority(String value) {
			if (value == null) {
				return null;
			}
			Optional<Priority> priority = Priority.fromTerm(halfWidth(value));
			if (priority.isEmpty()) {
				problem(IntakeField.PRIORITY, value, "intake.term.unknown",
						Arrays.stream(Priority.values()).map(Priority::term).collect(Collectors.joining("、")));
			}
			return priority.orElse(null);
		}

		/** The cell's text, when it says in other words what the system registers. */
		private void keepAsWritten(IntakeField field, String value, String registered) {
			if (!value.equals(registered)) {
				this.asWritten.put(field, value);
			}
		}

		private List<String> regions(Regions regions, String value) {
			if (value == null) {
				return List.of();
			}
			Set<String> codes = new LinkedHashSet<>();
			List<String> names = new ArrayList<>();
			for (String part : REGION_SEPARATORS.split(halfWidth(value))) {
				String joined = SPACES.matcher(part).replaceAll("");
				if (joined.isEmpty()) {
					continue;
				}
				List<Region> meant = regions.meaning(joined);
				if (meant.size() != 1 && !joined.equals(part.strip())) {
					// 湘东区 芦溪县: two districts apart rather than one with its parents.
					for (String word : SPACES.split(part.strip())) {
						region(regions, word, regions.meaning(word), codes, names);
					}
				}
				else {
					region(regions, joined, meant, codes, names);
				}
			}
			keepAsWritten(IntakeField.REGIONS, value, String.join("、", names));
			return List.copyOf(codes);
		}

		private void region(Regions regions, String part, List<Region> meant, Set<String> codes, List<String> names) {
			if (meant.size() == 1) {
				codes.add(meant.get(0).code());
				names.add(meant.get(0).name());
			}
			else if (meant.size() > 1) {
				problem(IntakeField.REGIONS, part, "intake.region.ambiguous",
						meant.stream().map(Region::code).collect(Collectors.joining("、")));
			}
			else {
				Optional<Region> underOthers = regions.endingIn(part);
				if (underOthers.isPresent()) {
					problem(IntakeField.REGIONS, part, "intake.region.wrongParent", underOthers.get().name(),
							regions.parents(underOthers.get()));
				}
				else {
					problem(IntakeField.REGIONS, part, "intake.region.unknownName");
				}
			}
		}

		private Set<PollutionType> pollutionTypes(String value) {
			if (value == null) {
				return Set.of();
			}
			Set<PollutionType> types = EnumSet.noneOf(PollutionType.class);
			List<String> terms = new ArrayList<>();
			for (String part : TYPE_SEPARATORS.split(halfWidth(value))) {
				if (part.isEmpty()) {
					continue;
				}
				Optional<PollutionType> type = BatchWorkbook.this.vocabulary.pollutionType(part);
				if (type.isPresent()) {
					types.add(type.get());
					terms.add(type.get().term());
				}
				else {
					problem(IntakeField.POLLUTION_TYPES, part, "intake.term.unknown",
							Arrays.stream(PollutionType.values())
								.map(PollutionType::term)
								.collect(Collectors.joining("、")));
				}
			}
			keepAsWritten(IntakeField.POLLUTION_TYPES, value, String.join("、", terms));
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

	}

	/**
	 * The regions a cell may name: by six-digit code, by name, or by name after the names
	 * of its parents ({@code 萍乡市湘东区}, {@code 江西省萍乡市湘东区}, {@code 江西萍乡湘东区}).
	 */
	private static final class Regions {

		private final Map<String, Region> byCode = new HashMap<>();

		private final Map<String, List<Region>> byName = new HashMap<>();

		Regions(List<Region> regions) {
			for (Region region : regions) {
				this.byCode.put(region.code(), region);
				this.byName.computeIfAbsent(region.name(), (name) -> new ArrayList<>()).add(region);
			}
		}

		/**
		 * The regions a cell's text may mean: a six-digit code stands for itself (the
		 * import checks that it belongs to the round), a name for the regions so named,
		 * and a name written after its parents' for that region alone.
		 */
		List<Region> meaning(String text) {
			if (REGION_CODE.matcher(text).matches()) {
				// An unknown code stands for itself, named by its code, for the import to
				// refuse.
				return List.of(this.byCode.getOrDefault(text, new Region(text, text, null, null)));
			}
			List<Region> named = this.byName.get(text);
			if (named != null) {
				return named;
			}
			return this.byCode.values()
				.stream()
				.filter((r) -> text.length() > r.name().length() && text.endsWith(r.name()))
				.filter((r) -> writtenParents(text.substring(0, text.length() - r.name().length()), r))
				.toList();
		}

		/** The region whose name ends the text, the longest such name. */
		Optional<Region> endingIn(String text) {
			return this.byCode.values()
				.stream()
				.filter((r) -> text.length() > r.name().length() && text.endsWith(r.name()))
				.max(Comparator.comparingInt((Region r) -> r.name().length()).thenComparing(Region::code));
		}

		/** The names of a region's parents, from the top, as one text (江西省萍乡市). */
		String parents(Region region) {
			return String.join("", ancestors(region).stream().map(Region::name).toList());
		}

		/**
		 * Whether the text is the names of some of the region's parents from the top
		 * down, each in full or without its last 省 or 市.
		 */
		private boolean writtenParents(String prefix, Region region) {
			int at = 0;
			for (Region parent : ancestors(region)) {
				String name = parent.name();
				String shortName = (name.length() > 2 && (name.endsWith("省") || name.endsWith("市")))
						? name.substring(0, name.length() - 1) : name;
				if (prefix.startsWith(name, at)) {
					at += name.length();
				}
				else if (prefix.startsWith(shortName, at)) {
					at += shortName.length();
				}
			}
			return at == prefix.length();
		}

		private List<Region> ancestors(Region region) {
			List<Region> ancestors = new ArrayList<>();
			for (Region parent = this.byCode.get(region.parentCode()); parent != null; parent = this.byCode
				.get(parent.parentCode())) {
				ancestors.add(0, parent);
			}
			return ancestors;
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
	 * Collects the headings and each non-blank data row's cells by column index, keyed by
	 * spreadsheet row number. The headings are the first row that names a few of the
	 * template's columns, so that a title line ("第2批交办信访件") and blank rows above it are
	 * passed over; if none of the first rows does, the first non-blank row is taken for
	 * the headings, so that its problems are named.
	 */
	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int maxRows;

		List<String> header;

		int headerRow;

		final Map<Integer, Map<Integer, String>> rows = new LinkedHashMap<>();

		/** Non-blank rows above the headings while they are looked for. */
		private final Map<Integer, Map<Integer, String>> above = new LinkedHashMap<>();

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
			if (blank) {
				return;
			}
			if (this.header != null) {
				add(this.currentRow, this.current);
			}
			else if (isHeader(this.current)) {
				header(this.currentRow, this.current);
				this.above.clear();
			}
			else {
				this.above.put(this.currentRow, this.current);
				if (this.above.size() > MAX_ROWS_ABOVE_HEADER) {
					headerNotFound();
				}
			}
		}

		@Override
		public void endSheet() {
			if (this.header == null && !this.above.isEmpty()) {
				headerNotFound();
			}
		}

		private void headerNotFound() {
			Map<Integer, Map<Integer, String>> rows = new LinkedHashMap<>(this.above);
			this.above.clear();
			Map.Entry<Integer, Map<Integer, String>> first = rows.entrySet().iterator().next();
			header(first.getKey(), first.getValue());
			rows.remove(first.getKey());
			rows.forEach(this::add);
		}

		private void header(int row, Map<Integer, String> cells) {
			int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
			this.header = new ArrayList<>();
			for (int i = 0; i < width; i++) {
				this.header.add(cells.get(i));
			}
			this.headerRow = row;
		}

		private void add(int row, Map<Integer, String> cells) {
			if (this.rows.size() >= this.maxRows) {
				throw new TooManyRows();
			}
			this.rows.put(row, cells);
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
