package org.ducha.petitions;

/**
 * One thing wrong with one imported row.
 *
 * @param row the spreadsheet row number as the user sees it (1-based, header is row 1),
 * or 0 for the file as a whole
 * @param field the field (column) concerned, or {@code null} for the row or file as a
 * whole
 * @param value the offending value as found, or {@code null}
 * @param code the message key of the reason
 * @param args the message arguments
 */
public record IntakeProblem(int row, IntakeField field, String value, String code, Object... args) {

}
