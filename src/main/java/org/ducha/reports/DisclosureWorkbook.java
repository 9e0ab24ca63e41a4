package org.ducha.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ducha.disclosure.DisclosureRow;
import org.ducha.disclosure.PublishedTable;

import org.springframework.stereotype.Component;

/**
 * A published disclosure table as the Excel file offices and the public download: the
 * standard columns, exactly the published (already redacted) rows.
 */
@Component
public class DisclosureWorkbook {

	static final List<String> HEADINGS = List.of("序号", "受理编号", "交办问题基本情况", "行政区域", "污染类型", "调查核实情况", "是否属实", "处理和整改情况",
			"责任追究情况");

	private static final int[] WIDTHS = { 6, 20, 50, 12, 14, 60, 10, 60, 40 };

	public void write(PublishedTable table, OutputStream out) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("公开情况一览表");
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			bold.setWrapText(true);
			sheet.createRow(0).createCell(0).setCellValue(table.title());
			sheet.getRow(0).getCell(0).setCellStyle(bold);
			Row heading = sheet.createRow(1);
			for (int i = 0; i < HEADINGS.size(); i++) {
				heading.createCell(i).setCellValue(HEADINGS.get(i));
				heading.getCell(i).setCellStyle(bold);
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			sheet.createFreezePane(0, 2);
			int r = 2;
			for (DisclosureRow row : table.rows()) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(row.number());
				List<String> texts = List.of(row.receiptNumber(), row.complaint(), row.regions(), row.pollutionTypes(),
						row.findings(), row.verdict(), row.handling(), row.accountability());
				for (int i = 0; i < texts.size(); i++) {
					line.createCell(i + 1).setCellValue(texts.get(i));
					line.getCell(i + 1).setCellStyle(wrap);
				}
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
