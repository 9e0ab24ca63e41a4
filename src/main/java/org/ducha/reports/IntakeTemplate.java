package org.ducha.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ducha.petitions.Channel;
import org.ducha.petitions.IntakeField;
import org.ducha.petitions.IntakeVocabulary;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The workbook an office fills in (or copies the team's sheet into) to import a batch:
 * the intake columns in order with drop-downs for the fixed terms, one example row, and a
 * sheet 说明 that explains each column and lists the other words the import takes for a
 * channel or a pollution type.
 */
@Component
public class IntakeTemplate {

	static final String SHEET = "信访件";

	static final String HELP_SHEET = "说明";

	private static final int[] WIDTHS = { 20, 18, 8, 60, 24, 30, 14, 14, 10, 8, 20, 12, 16 };

	private final MessageSource messages;

	private final int maxRows;

	private final IntakeVocabulary vocabulary;

	IntakeTemplate(MessageSource messages, @Value("${ducha.intake.max-rows:10000}") int maxRows,
			IntakeVocabulary vocabulary) {
		this.messages = messages;
		this.maxRows = maxRows;
		this.vocabulary = vocabulary;
	}

	/** Writes the template, its 说明 sheet in the given language. */
	public void write(OutputStream out, Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet(SHEET);
			CellStyle heading = headingStyle(workbook);
			Row header = sheet.createRow(0);
			IntakeField[] fields = IntakeField.values();
			for (int i = 0; i < fields.length; i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(fields[i].heading());
				cell.setCellStyle(heading);
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			sheet.createFreezePane(0, 1);
			exampleRow(workbook, sheet.createRow(1));
			dropDown(sheet, IntakeField.CHANNEL,
					Arrays.stream(Channel.values()).map(Channel::term).toArray(String[]::new));
			dropDown(sheet, IntakeField.PRIORITY,
					Arrays.stream(Priority.values()).map(Priority::term).toArray(String[]::new));
			dropDown(sheet, IntakeField.REPEAT, new String[] { "否", "是" });
			helpSheet(workbook, heading, locale);
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CellStyle headingStyle(XSSFWorkbook workbook) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(bold);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		style.setWrapText(true);
		return style;
	}

	/** A case as the teams write them, so that the office sees the expected forms. */
	private static void exampleRow(XSSFWorkbook workbook, Row row) {
		CellStyle time = workbook.createCellStyle();
		time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
		CellStyle text = workbook.createCellStyle();
		text.setDataFormat(workbook.createDataFormat().getFormat("@"));
		text.setWrapText(true);
		set(row, IntakeField.RECEIPT_NUMBER, "D3JX202405080001", text);
		Cell transferred = row.createCell(IntakeField.TRANSFERRED_AT.ordinal());
		transferred.setCellValue(LocalDateTime.of(2024, 5, 8, 9, 30));
		transferred.setCellStyle(time);
		set(row, IntakeField.CHANNEL, Channel.PHONE.term(), text);
		set(row, IntakeField.COMPLAINT, "湘东区下埠镇某石材加工厂夜间生产，切割噪声扰民，加工废水未经处理直排附近河道，粉尘较大。", text);
		set(row, IntakeField.REPORTED_OBJECT, "某石材加工厂", text);
		set(row, IntakeField.ADDRESS, "萍乡市湘东区下埠镇", text);
		set(row, IntakeField.REGIONS, "湘东区", text);
		set(row, IntakeField.POLLUTION_TYPES, "噪声、水、大气", text);
		set(row, IntakeField.PRIORITY, Priority.ORDINARY.term(), text);
		set(row, IntakeField.REPEAT, "否", text);
	}

	private static void set(Row row, IntakeField field, String value, CellStyle style) {
		Cell cell = row.createCell(field.ordinal());
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private void dropDown(XSSFSheet sheet, IntakeField field, String[] terms) {
		XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
		DataValidationConstraint constraint = helper.createExplicitListConstraint(terms);
		DataValidation validation = helper.createValidation(constraint,
				new CellRangeAddressList(1, this.maxRows, field.ordinal(), field.ordinal()));
		validation.setShowErrorBox(true);
		validation.setSuppressDropDownArrow(true);
		sheet.addValidationData(validation);
	}

	private void helpSheet(XSSFWorkbook workbook, CellStyle heading, Locale locale) {
		XSSFSheet help = workbook.createSheet(HELP_SHEET);
		CellStyle wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		Row header = help.createRow(0);
		String[] titles = { message("template.help.column", locale), message("template.help.required", locale),
				message("template.help.how", locale) };
		for (int i = 0; i < titles.length; i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(titles[i]);
			cell.setCellStyle(heading);
		}
		help.setColumnWidth(0, 18 * 256);
		help.setColumnWidth(1, 24 * 256);
		help.setColumnWidth(2, 90 * 256);
		help.createFreezePane(0, 1);
		int r = 1;
		for (IntakeField field : IntakeField.values()) {
			Row row = help.createRow(r++);
			row.createCell(0).setCellValue(field.heading());
			row.createCell(1)
				.setCellValue(message(field.required() ? "template.help.yes" : "template.help.no", locale));
			Cell how = row.createCell(2);
			how.setCellValue(message("template.help." + field.name(), locale, this.maxRows));
			how.setCellStyle(wrap);
		}
		Row rules = help.createRow(++r);
		Cell general = rules.createCell(0);
		general.setCellValue(message("template.help.general", locale, this.maxRows));
		wordsTable(help, heading, r + 2, locale);
	}

	/** Every word the import takes for a channel or a pollution type, with its term. */
	private void wordsTable(XSSFSheet help, CellStyle heading, int first, Locale locale) {
		int r = first;
		help.createRow(r++).createCell(0).setCellValue(message("template.help.words", locale));
		Row header = help.createRow(r++);
		String[] titles = { message("template.help.column", locale), message("template.help.word", locale),
				message("template.help.term", locale) };
		for (int i = 0; i < titles.length; i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(titles[i]);
			cell.setCellStyle(heading);
		}
		for (Map.Entry<String, Channel> word : this.vocabulary.channelWords().entrySet()) {
			r = wordRow(help, r, IntakeField.CHANNEL, word.getKey(), word.getValue().term());
		}
		for (Map.Entry<String, PollutionType> word : this.vocabulary.pollutionTypeWords().entrySet()) {
			r = wordRow(help, r, IntakeField.POLLUTION_TYPES, word.getKey(), word.getValue().term());
		}
	}

	private static int wordRow(XSSFSheet help, int r, IntakeField field, String word, String term) {
		Row row = help.createRow(r);
		row.createCell(0).setCellValue(field.heading());
		row.createCell(1).setCellValue(word);
		row.createCell(2).setCellValue(term);
		return r + 1;
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
