package org.ducha.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ducha.deadlines.ClockState;
import org.ducha.journal.Journal;
import org.ducha.petitions.Ledger;
import org.ducha.petitions.LedgerFilter;
import org.ducha.petitions.LedgerRow;
import org.ducha.petitions.LedgerSort;
import org.ducha.shared.PersonalNumbers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger as an Excel workbook: exactly the rows the reader's filtered ledger holds,
 * every page of them, in the ledger's standard columns with Chinese headings. Rows are
 * read from the database a chunk at a time and streamed through a POI
 * {@link SXSSFWorkbook} that keeps only {@value #WINDOW} rows in memory and the rest in a
 * compressed temporary file, so memory stays flat however long the ledger. The complaint
 * text has personal numbers masked for everyone, the office included, and the complainant
 * is never part of it. Each export is journaled before any byte leaves.
 */
@Service
public class LedgerExport {

	/** Rows kept in memory while writing; the rest go to the temporary file. */
	static final int WINDOW = 100;

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final List<String> HEADINGS = List.of("number", "receiptNumber", "batch", "transferredAt", "channel",
			"priority", "districts", "pollution", "complaint", "leadUnit", "status", "verdict", "completion", "clock",
			"due");

	private static final int[] WIDTHS = { 6, 20, 8, 17, 6, 9, 14, 12, 60, 24, 10, 10, 11, 22, 17 };

	private final Ledger ledger;

	private final Journal journal;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final Clock clock;

	LedgerExport(Ledger ledger, Journal journal, MessageSource messages, TransactionTemplate transaction, Clock clock) {
		this.ledger = ledger;
		this.journal = journal;
		this.messages = messages;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The file name for an export made today, as an RFC 6266 / 5987 header value. */
	public String contentDisposition() {
		LocalDate today = LocalDate.now(this.clock);
		String name = message("ledger.sheet") + "-" + today + ".xlsx";
		return "attachment; filename=\"ledger-" + today + ".xlsx\"; filename*=UTF-8''"
				+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Fills a workbook with the filtered ledger and journals the export, in one
	 * transaction; the caller then writes it out and closes it, which deletes the
	 * temporary file.
	 */
	public LedgerWorkbook workbook(LedgerFilter filter, LedgerSort sort) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true);
		try {
			Sheet sheet = workbook.createSheet(message("ledger.sheet"));
			Styles styles = new Styles(workbook);
			heading(sheet, styles);
			Long rows = this.transaction.execute((status) -> {
				long written = this.ledger.forEachRow(filter, sort, new RowWriter(sheet, styles)::write);
				Map<String, Object> facts = new LinkedHashMap<>();
				facts.put("filter", filter.asParameters());
				facts.put("sort", sort.key().parameter() + " " + sort.direction());
				facts.put("rows", written);
				this.journal.record("ledger", 0, "LedgerExported", facts);
				return written;
			});
			return new LedgerWorkbook(workbook, (rows != null) ? rows : 0);
		}
		catch (RuntimeException ex) {
			close(workbook);
			throw ex;
		}
	}

	private void heading(Sheet sheet, Styles styles) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < HEADINGS.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(message("ledger.column." + HEADINGS.get(i)));
			cell.setCellStyle(styles.heading);
			sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		sheet.createFreezePane(0, 1);
		sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, CHINESE);
	}

	private static void close(SXSSFWorkbook workbook) {
		try {
			workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes one ledger row after another. */
	private final class RowWriter {

		private final Sheet sheet;

		private final Styles styles;

		private int next = 1;

		RowWriter(Sheet sheet, Styles styles) {
			this.sheet = sheet;
			this.styles = styles;
		}

		void write(LedgerRow r) {
			Row row = this.sheet.createRow(this.next);
			row.createCell(0).setCellValue(this.next);
			this.next++;
			text(row, 1, r.receiptNumber());
			text(row, 2, (r.batchNumber() != null) ? message("ledger.batch.number", r.batchNumber()) : "");
			time(row, 3, r.transferredAt());
			text(row, 4, r.channel().term());
			text(row, 5, r.priority().term());
			text(row, 6, String.join(message("ledger.list.separator"), r.districts()));
			text(row, 7, r.pollutionTypes().stream().map((t) -> t.term()).collect(Collectors.joining("、")));
			text(row, 8, LedgerRow.excerptOf(PersonalNumbers.redact(r.complaint())));
			text(row, 9, (r.leadUnit() != null) ? r.leadUnit() : "");
			text(row, 10, message("ledger.status." + r.status().name()));
			text(row, 11, (r.verdict() != null) ? r.verdict().term() : "");
			text(row, 12, (r.completion() != null) ? r.completion().term() : "");
			text(row, 13, clock(r));
			time(row, 14, r.clockDueAt());
			for (Cell cell : row) {
				if (cell.getColumnIndex() != 3 && cell.getColumnIndex() != 14) {
					cell.setCellStyle(this.styles.body);
				}
			}
		}

		private String clock(LedgerRow r) {
			ClockState state = r.shownClockState();
			if (state == null) {
				return "";
			}
			String words = message("ledger.clock.colour." + state.name()) + " "
					+ message("ledger.clock.state." + state.name());
			return (r.clockWords() != null) ? words + "，" + message(r.clockWords(), r.clockAmount()) : words;
		}

		private void text(Row row, int column, String value) {
			row.createCell(column).setCellValue(value);
		}

		private void time(Row row, int column, Instant value) {
			Cell cell = row.createCell(column);
			if (value != null) {
				cell.setCellValue(value.atZone(LedgerExport.this.clock.getZone()).toLocalDateTime());
			}
			cell.setCellStyle(this.styles.time);
		}

	}

	/** The few cell styles the sheet uses (a workbook holds a limited number). */
	private static final class Styles {

		private final CellStyle heading;

		private final CellStyle body;

		private final CellStyle time;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.heading = bordered(workbook);
			this.heading.setFont(bold);
			this.heading.setWrapText(true);
			this.body = bordered(workbook);
			this.body.setWrapText(true);
			this.time = bordered(workbook);
			this.time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
		}

		private static CellStyle bordered(SXSSFWorkbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		}

	}

	/**
	 * A filled workbook, journaled, ready to be written. Closing it deletes its temporary
	 * file.
	 */
	public static final class LedgerWorkbook implements AutoCloseable {

		private final SXSSFWorkbook workbook;

		private final long rows;

		LedgerWorkbook(SXSSFWorkbook workbook, long rows) {
			this.workbook = workbook;
			this.rows = rows;
		}

		/** How many ledger rows it holds. */
		public long rows() {
			return this.rows;
		}

		public void writeTo(OutputStream out) throws IOException {
			this.workbook.write(out);
		}

		@Override
		public void close() {
			LedgerExport.close(this.workbook);
		}

	}

}
