package org.ducha.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.ducha.journal.Journal;
import org.ducha.shared.CurrentActor;
import org.ducha.shared.InvalidInput;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working calendar as loaded from the database, and the one way to add a year to it.
 * <p>
 * The calendar is cached. This node drops its copy when a year it added is committed;
 * other nodes reload theirs after {@link #RELOAD_AFTER}, so a year added elsewhere is
 * used within a minute.
 */
@Service
public class WorkingCalendars {

	static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

	private final CalendarRepository repository;

	private final Journal journal;

	private final Clock clock;

	private volatile Loaded loaded;

	WorkingCalendars(CalendarRepository repository, Journal journal, Clock clock) {
		this.repository = repository;
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * The working calendar with every loaded year.
	 */
	public WorkingCalendar current() {
		Loaded current = this.loaded;
		Instant now = this.clock.instant();
		if (current == null || !now.isBefore(current.at().plus(RELOAD_AFTER))) {
			current = new Loaded(this.repository.load(), now);
			this.loaded = current;
		}
		return current.calendar();
	}

	/**
	 * When a clock under {@code policy} started at {@code start} is due, counted in the
	 * installation's zone on the current calendar.
	 */
	public Due due(DeadlinePolicy policy, Instant start) {
		return policy.due(start, this.clock.getZone(), current());
	}

	/**
	 * The loaded years, in order, with who added them and when.
	 */
	@Transactional(readOnly = true)
	public List<CalendarYear> years() {
		return this.repository.years();
	}

	/**
	 * Loads a year's schedule, all of it or nothing, and journals it as
	 * {@code CalendarYearAdded}.
	 * @param year the year, not yet loaded
	 * @param holidays one holiday range per line: {@code 2027-01-01..2027-01-03 元旦}, or a
	 * single date and a name; at least one
	 * @param makeUpDays one make-up working day (调休上班) per line: {@code 2027-02-07}
	 * @throws InvalidInput every problem found, each for its field ({@code year},
	 * {@code holidays} or {@code makeUpDays}) with a {@code calendar.*} code naming the
	 * offending year or text; nothing is written
	 */
	@Transactional
	public void addYear(int year, List<String> holidays, List<String> makeUpDays) {
		YearSchedule schedule = YearSchedule.parse(year, this.repository.loadedYears(), holidays, makeUpDays);
		try {
			this.repository.insert(schedule, CurrentActor.get().login(),
					this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		}
		catch (DuplicateKeyException ex) {
			// Another administrator added the same year since we looked.
			throw new InvalidInput(List
				.of(new InvalidInput.Problem(YearSchedule.YEAR, "calendar.year.alreadyLoaded", String.valueOf(year))));
		}
		this.journal.record("calendar", year, "CalendarYearAdded", schedule.journalData());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				WorkingCalendars.this.loaded = null;
			}
		});
	}

	private record Loaded(WorkingCalendar calendar, Instant at) {
	}

}
