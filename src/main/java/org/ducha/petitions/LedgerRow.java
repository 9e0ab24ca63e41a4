package org.ducha.petitions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.ducha.deadlines.ClockReading;
import org.ducha.deadlines.ClockState;

/**
 * One line of the ledger (台账). Never carries the complainant; {@link #complaint()} has
 * personal numbers masked for everybody but the office.
 *
 * @param batchNumber the batch's number (第N批), or {@code null} if the batch is unknown
 * @param districts the names of the districts the case concerns
 * @param leadUnit the lead unit's name, or {@code null} before assignment
 * @param clockState the state of the most urgent running clock at the last sweep, or
 * {@code null} when none runs
 * @param clock that clock read now under its round's policy, or {@code null} when none
 * runs
 * @param clockYearsNotLoaded the years whose working calendar was missing when the
 * running clocks' due instants were computed; empty when none
 */
public record LedgerRow(long id, String receiptNumber, Integer batchNumber, Instant transferredAt, Channel channel,
		Priority priority, List<String> districts, Set<PollutionType> pollutionTypes, String complaint, String leadUnit,
		PetitionStatus status, Verdict verdict, Completion completion, ClockState clockState, Instant clockDueAt,
		ClockReading clock, List<Integer> clockYearsNotLoaded) {

	public LedgerRow {
		clockYearsNotLoaded = List.copyOf(clockYearsNotLoaded);
	}

	/** How many characters of the complaint the ledger shows. */
	public static final int EXCERPT_LENGTH = 120;

	/** The start of the complaint, cut after {@link #EXCERPT_LENGTH} characters. */
	public String excerpt() {
		return excerptOf(this.complaint);
	}

	/**
	 * The start of a text, cut after {@link #EXCERPT_LENGTH} characters. Mask personal
	 * numbers before cutting, or a cut number escapes the mask.
	 */
	public static String excerptOf(String text) {
		if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH)) + "…";
	}

	/**
	 * The bundle key of the time left or overdue in words
	 * ({@code ledger.clock.left.hours}, {@code ledger.clock.overdue.days}, ...), with
	 * {@link #clockAmount()}; {@code null} when no clock runs or it cannot be read.
	 */
	public String clockWords() {
		if (this.clock == null) {
			return null;
		}
		boolean red = this.clock.state() == ClockState.RED;
		Duration time = red ? this.clock.overdue() : this.clock.remaining();
		String unit = (time.toDays() > 0) ? "days" : (time.toHours() > 0) ? "hours" : "minutes";
		return "ledger.clock." + (red ? "overdue." : "left.") + unit;
	}

	/** The number that goes with {@link #clockWords()}. */
	public long clockAmount() {
		if (this.clock == null) {
			return 0;
		}
		Duration time = (this.clock.state() == ClockState.RED) ? this.clock.overdue() : this.clock.remaining();
		return (time.toDays() > 0) ? time.toDays() : (time.toHours() > 0) ? time.toHours() : time.toMinutes();
	}

	/** The clock's state as shown: read now if possible, else as of the last sweep. */
	public ClockState shownClockState() {
		return (this.clock != null) ? this.clock.state() : this.clockState;
	}

}
