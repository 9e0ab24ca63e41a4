package org.ducha.reports;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns numeric cells into the text an official typed: a date cell into an ISO date-time
 * (read back by {@link TransferTime}), any other number without the ".0" or exponent that
 * Excel's "General" format would add to a long receipt or phone number.
 */
final class IntakeCells extends DataFormatter {

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
		if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
			LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
			return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
