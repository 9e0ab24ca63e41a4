package org.ducha.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ducha.petitions.IntakeField;

/**
 * Workbooks made in code the way the inspection teams fill them: real date cells, receipt
 * numbers sometimes typed as numbers, several regions in one cell.
 */
public final class TestWorkbooks {

	private TestWorkbooks() {
	}

	/** The template's headings. */
	public static List<Object> headings() {
		return Arrays.stream(IntakeField.values()).map((f) -> (Object) f.heading()).toList();
	}

	/**
	 * The headings as real tables write them: line breaks inside, a full-width slash, a
	 * full-width space at the end.
	 */
	public static List<Object> headingsAsWritten() {
		List<Object> headings = new ArrayList<>(headings());
		headings.set(IntakeField.RECEIPT_NUMBER.ordinal(), "受理\n编号");
		headings.set(IntakeField.TRANSFERRED_AT.ordinal(), "交办\r\n时间");
		headings.set(IntakeField.PRIORITY.ordinal(), "重点／普通\u3000");
		headings.set(IntakeField.REPEAT_OF.ordinal(), "重复件\n受理编号");
		return headings;
	}

	/**
	 * A workbook as the teams publish it: the title line ("第N批交办信访件") and a blank row
	 * above the headings as written, then the rows; the headings are row 3.
	 */
	@SafeVarargs
	public static byte[] titled(String title, List<Object>... rows) {
		List<List<Object>> all = new ArrayList<>();
		all.add(List.of(title));
		all.add(List.of());
		all.add(headingsAsWritten());
		all.addAll(Arrays.asList(rows));
		return workbook(all);
	}

	/** A complete, valid row. */
	public static List<Object> row(String receiptNumber, String complaint) {
		return new ArrayList<>(Arrays.asList(receiptNumber, LocalDateTime.of(2024, 5, 8, 9, 30), "来电", complaint,
				"某石材加工厂", "萍乡市湘东区下埠镇", "湘东区", "噪声、大气", "普通", "否", null, "张三", "13800138000"));
	}

	/** The row with one field's cell replaced. */
	public static List<Object> with(List<Object> row, IntakeField field, Object value) {
		List<Object> changed = new ArrayList<>(row);
		changed.set(field.ordinal(), value);
		return changed;
	}

	/** A workbook whose first sheet holds the rows as given (the first being row 1). */
	public static byte[] workbook(List<List<Object>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("交办信访件");
			CellStyle time = workbook.createCellStyle();
			time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value instanceof String text) {
						row.createCell(c).setCellValue(text);
					}
					else if (value instanceof LocalDateTime at) {
						row.createCell(c).setCellValue(at);
						row.getCell(c).setCellStyle(time);
					}
					else if (value instanceof Number number) {
						row.createCell(c).setCellValue(number.doubleValue());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A workbook with the template's headings and the given rows. */
	@SafeVarargs
	public static byte[] batch(List<Object>... rows) {
		List<List<Object>> all = new ArrayList<>();
		all.add(headings());
		all.addAll(Arrays.asList(rows));
		return workbook(all);
	}

	/**
	 * A real .xlsx whose sheet, padded with whitespace, inflates about a thousandfold: a
	 * zip bomb in miniature that opens like any workbook.
	 */
	public static byte[] zipBomb() {
		byte[] workbook = batch(row("D3JX202405080001", "噪声扰民"));
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
					int data = xml.indexOf("<sheetData>");
					out.write(xml.substring(0, data).getBytes(java.nio.charset.StandardCharsets.UTF_8));
					byte[] padding = new byte[1024 * 1024];
					Arrays.fill(padding, (byte) ' ');
					for (int i = 0; i < 50; i++) {
						out.write(padding);
					}
					out.write(xml.substring(data).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				}
				else {
					out.write(content);
				}
				out.closeEntry();
			}
			out.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
