package org.ducha.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ducha.shared.RuleViolation;

/**
 * How a deadline is computed from the moment its clock starts, written as text so that an
 * office can keep a round's policies in a table:
 * <ul>
 * <li>{@code DURATION PT6H}: the start plus a duration of real elapsed time;</li>
 * <li>{@code DAY_N 5 12:00}: the start day is day 1, due at 12:00 of day 5;</li>
 * <li>{@code WORKDAY_N 10 24:00}: the start day is not counted, due at the end of the
 * 10th working day after it.</li>
 * </ul>
 * {@code 24:00} is the end of the day, that is 00:00 of the next one. A warning lead may
 * follow ({@code DAY_N 5 12:00 WARN PT12H}); without it the lead is 24 hours for
 * day-based policies and 2 hours for durations. Instances are immutable and equal when
 * their text is.
 */
public final class DeadlinePolicy {

	static final int MAX_DAYS = 999;

	private static final int END_OF_DAY = 24 * 60;

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])|24:00");

	private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

	private static final String WARN = "WARN";

	/**
	 * The three ways of counting.
	 */
	public enum Kind {

		/** Real elapsed time from the start. */
		DURATION(Duration.ofHours(2)),
		/** Calendar days, the start day being day 1. */
		DAY_N(Duration.ofHours(24)),
		/** Working days after the start day, from the working calendar. */
		WORKDAY_N(Duration.ofHours(24));

		private final Duration defaultWarningLead;

		Kind(Duration defaultWarningLead) {
			this.defaultWarningLead = defaultWarningLead;
		}

	}

	private final Kind kind;

	private final Duration duration;

	private final int days;

	private final int minuteOfDay;

	private final Duration warningLead;

	private DeadlinePolicy(Kind kind, Duration duration, int days, int minuteOfDay, Duration warningLead) {
		this.kind = kind;
		this.duration = duration;
		this.days = days;
		this.minuteOfDay = minuteOfDay;
		this.warningLead = (warningLead != null) ? warningLead : kind.defaultWarningLead;
	}

	/**
	 * Reads a policy from its text.
	 * @param text e.g. {@code DAY_N 5 12:00}, {@code DURATION PT6H},
	 * {@code WORKDAY_N 10 24:00 WARN PT48H}
	 * @return the policy
	 * @throws RuleViolation {@code deadline.policy.*} naming what was wrong
	 */
	public static DeadlinePolicy parse(String text) {
		if (text == null || text.isBlank()) {
			throw new RuleViolation("deadline.policy.blank");
		}
		String[] parts = text.strip().split("\\s+");
		Kind kind = kindOf(parts[0]);
		int required = (kind == Kind.DURATION) ? 2 : 3;
		boolean warned = parts.length == required + 2 && parts[required].equals(WARN);
		if (parts.length != required && !warned) {
			throw new RuleViolation("deadline.policy.malformed", text.strip());
		}
		Duration warningLead = warned ? warningLeadOf(parts[required + 1]) : null;
		if (kind == Kind.DURATION) {
			return new DeadlinePolicy(kind, durationOf(parts[1]), 0, 0, warningLead);
		}
		return new DeadlinePolicy(kind, null, daysOf(parts[1]), minuteOfDayOf(parts[2]), warningLead);
	}

	private static Kind kindOf(String text) {
		for (Kind kind : Kind.values()) {
			if (kind.name().equals(text)) {
				return kind;
			}
		}
		throw new RuleViolation("deadline.policy.unknownKind", text);
	}

	private static Duration durationOf(String text) {
		Duration duration = isoDuration(text);
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new RuleViolation("deadline.policy.duration", text);
		}
		return duration;
	}

	private static Duration warningLeadOf(String text) {
		Duration lead = isoDuration(text);
		if (lead == null || lead.isNegative()) {
			throw new RuleViolation("deadline.policy.warningLead", text);
		}
		return lead;
	}

	private static Duration isoDuration(String text) {
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int daysOf(String text) {
		if (!COUNT.matcher(text).matches()) {
			throw new RuleViolation("deadline.policy.dayCount", text, String.valueOf(MAX_DAYS));
		}
		int days = Integer.parseInt(text);
		if (days < 1 || days > MAX_DAYS) {
			throw new RuleViolation("deadline.policy.dayCount", text, String.valueOf(MAX_DAYS));
		}
		return days;
	}

	private static int minuteOfDayOf(String text) {
		Matcher time = TIME.matcher(text);
		if (!time.matches()) {
			throw new RuleViolation("deadline.policy.time", text);
		}
		if (time.group(1) == null) {
			return END_OF_DAY;
		}
		return Integer.parseInt(time.group(1)) * 60 + Integer.parseInt(time.group(2));
	}

	public Kind kind() {
		return this.kind;
	}

	/** The duration of a {@link Kind#DURATION} policy; {@code null} for the others. */
	Duration duration() {
		return this.duration;
	}

	/** The day count of a day-based policy; 0 for a duration. */
	int days() {
		return this.days;
	}

	/** The local time of day a day-based policy is due at, in minutes; 1440 for 24:00. */
	int minuteOfDay() {
		return this.minuteOfDay;
	}

	/** Whether a day-based policy is due at the end of its day (24:00). */
	boolean endOfDay() {
		return this.minuteOfDay == END_OF_DAY;
	}

	/** Whether the warning lead is the default of the policy's kind. */
	boolean defaultWarningLead() {
		return this.warningLead.equals(this.kind.defaultWarningLead);
	}

	/**
	 * How long before the due instant a running clock turns yellow.
	 */
	public Duration warningLead() {
		return this.warningLead;
	}

	/**
	 * Computes when a clock started at {@code start} is due.
	 * @param start when the clock started
	 * @param zone the zone in which days and times of day are counted
	 * @param calendar the working days, needed by {@link Kind#WORKDAY_N}
	 * @return the due instant, with the years whose calendar was missing
	 */
	public Due due(Instant start, ZoneId zone, WorkingCalendar calendar) {
		LocalDate startDay = start.atZone(zone).toLocalDate();
		return switch (this.kind) {
			case DURATION -> Due.exactly(start.plus(this.duration));
			case DAY_N -> Due.exactly(atTimeOfDay(startDay.plusDays(this.days - 1L), zone));
			case WORKDAY_N -> afterWorkingDays(startDay, zone, calendar);
		};
	}

	private Due afterWorkingDays(LocalDate startDay, ZoneId zone, WorkingCalendar calendar) {
		SortedSet<Integer> yearsNotLoaded = new TreeSet<>();
		LocalDate day = startDay;
		int counted = 0;
		while (counted < this.days) {
			day = day.plusDays(1);
			if (!calendar.isLoaded(day.getYear())) {
				yearsNotLoaded.add(day.getYear());
			}
			if (calendar.isWorkingDay(day)) {
				counted++;
			}
		}
		return new Due(atTimeOfDay(day, zone), yearsNotLoaded);
	}

	private Instant atTimeOfDay(LocalDate day, ZoneId zone) {
		if (this.minuteOfDay == END_OF_DAY) {
			return day.plusDays(1).atStartOfDay(zone).toInstant();
		}
		return ZonedDateTime.of(day, LocalTime.of(this.minuteOfDay / 60, this.minuteOfDay % 60), zone).toInstant();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof DeadlinePolicy that && this.kind == that.kind
				&& Objects.equals(this.duration, that.duration) && this.days == that.days
				&& this.minuteOfDay == that.minuteOfDay && this.warningLead.equals(that.warningLead));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.duration, this.days, this.minuteOfDay, this.warningLead);
	}

	/**
	 * The policy's text, which {@link #parse(String)} reads back to an equal policy. The
	 * warning lead is written only when it is not the default.
	 */
	@Override
	public String toString() {
		String counting = (this.kind == Kind.DURATION) ? this.duration.toString()
				: this.days + " " + String.format("%02d:%02d", this.minuteOfDay / 60, this.minuteOfDay % 60);
		String warning = defaultWarningLead() ? "" : " " + WARN + " " + this.warningLead;
		return this.kind + " " + counting + warning;
	}

}
