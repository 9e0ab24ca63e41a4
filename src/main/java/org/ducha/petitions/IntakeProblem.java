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

	static final String CONFLICT = "intake.conflict";

	/**
	 * A row whose receipt number is registered with other content: the message names the
	 * registered case and the page where the office corrects it.
	 */
	static IntakeProblem conflict(int row, String receiptNumber, long petitionId) {
		return new IntakeProblem(row, IntakeField.RECEIPT_NUMBER, receiptNumber, CONFLICT, receiptNumber,
				PetitionCorrections.pagePath(petitionId));
	}

	/**
	 * The page where the office resolves this problem, or {@code null}: for a conflict,
	 * the registered case's correction page.
	 */
	public String link() {
		return (CONFLICT.equals(this.code) && this.args.length > 1) ? String.valueOf(this.args[1]) : null;
	}

}
