package org.ducha.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import org.ducha.journal.Journal;
import org.ducha.shared.Actor;
import org.ducha.shared.RuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadline clocks kept in the database: started and stopped by the features that own the
 * subjects, moved to yellow and red by {@link #sweep()}.
 * <p>
 * Every change is journaled on the clock's subject and published as a
 * {@link DeadlineClockChanged} in the caller's transaction. Instants are kept to the
 * millisecond, as the database stores them.
 */
@Service
public class DeadlineClocks {

	/**
	 * The journal events of clocks (started, stopped, warned, breached): what the system
	 * did to a subject's deadlines, which its page folds away behind what people did.
	 */
	public static final Set<String> EVENT_TYPES = Set.of("DeadlineClockStarted", "DeadlineClockStopped",
			"DeadlineClockWarned", "DeadlineClockBreached");

	/** Clocks moved per transaction by the sweep. */
	static final int SWEEP_BATCH = 500;

	/** Subject ids per query in {@link #running(String, Collection)}. */
	static final int QUERY_CHUNK = 500;

	private final ClockRepository repository;

	private final WorkingCalendars calendars;

	private final Journal journal;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DeadlineClocks(ClockRepository repository, WorkingCalendars calendars, Journal journal,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.calendars = calendars;
		this.journal = journal;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Starts a clock on a subject and journals {@code DeadlineClockStarted}. The due
	 * instant is computed now, on the current working calendar, and kept: a later change
	 * of calendar or policy never moves it.
	 * @param subjectType the kind of thing the clock runs for, e.g. {@code petition}
	 * @param subjectId that thing's id
	 * @param kind what the deadline is for, e.g. {@code REPORT}
	 * @param policy how the due instant is computed
	 * @param start when the clock starts (a receipt, a return), possibly before now
	 * @return the clock, in its state as of now
	 * @throws RuleViolation {@code clock.alreadyRunning} when a clock of that kind is
	 * already running on the subject
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public DeadlineClock start(String subjectType, long subjectId, String kind, DeadlinePolicy policy, Instant start) {
		if (this.repository.lockRunning(subjectType, subjectId, kind).isPresent()) {
			throw alreadyRunning(subjectType, subjectId, kind);
		}
		Instant startedAt = start.truncatedTo(ChronoUnit.MILLIS);
		Due due = this.calendars.due(policy, startedAt);
		Instant dueAt = due.at().truncatedTo(ChronoUnit.MILLIS);
		Instant warnAt = dueAt.minus(policy.warningLead()).truncatedTo(ChronoUnit.MILLIS);
		ClockState state = ClockReading.of(policy, dueAt, now()).state();
		long id;
		try {
			id = this.repository.insert(subjectType, subjectId, kind, policy.toString(), startedAt, dueAt, warnAt,
					due.yearsNotLoaded(), state);
		}
		catch (DuplicateKeyException ex) {
			// Started by another transaction since we looked.
			throw alreadyRunning(subjectType, subjectId, kind);
		}
		DeadlineClock clock = new DeadlineClock(id, subjectType, subjectId, kind, policy.toString(), startedAt, dueAt,
				warnAt, due.yearsNotLoaded(), state, null, null);
		this.journal.record(subjectType, subjectId, "DeadlineClockStarted",
				Map.of("kind", kind, "policy", clock.policy(), "start", startedAt.toString(), "due", dueAt.toString(),
						"calendarNotLoaded", List.copyOf(due.yearsNotLoaded())));
		this.events.publishEvent(DeadlineClockChanged.of(clock));
		return clock;
	}

	private static RuleViolation alreadyRunning(String subjectType, long subjectId, String kind) {
		return new RuleViolation("clock.alreadyRunning", kind, subjectType, String.valueOf(subjectId));
	}

	/**
	 * Stops the running clock of a kind on a subject, if there is one, and journals
	 * {@code DeadlineClockStopped}. Whether it was late is decided here, once: late when
	 * {@code at} is on or after the due instant.
	 * @param subjectType the kind of thing the clock runs for
	 * @param subjectId that thing's id
	 * @param kind the clock's kind
	 * @param at when the deadline was met (a report received), possibly before now
	 * @return the stopped clock, or empty when no clock of that kind was running
	 * @throws RuleViolation {@code clock.stopBeforeStart} when {@code at} is before the
	 * clock started
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<DeadlineClock> stop(String subjectType, long subjectId, String kind, Instant at) {
		Optional<DeadlineClock> running = this.repository.lockRunning(subjectType, subjectId, kind);
		if (running.isEmpty()) {
			return Optional.empty();
		}
		DeadlineClock clock = running.get();
		Instant stoppedAt = at.truncatedTo(ChronoUnit.MILLIS);
		if (stoppedAt.isBefore(clock.startedAt())) {
			throw new RuleViolation("clock.stopBeforeStart", kind, stoppedAt.toString(), clock.startedAt().toString());
		}
		boolean late = !stoppedAt.isBefore(clock.dueAt());
		ClockState state = clock.readAt(stoppedAt).state();
		this.repository.stop(clock.id(), stoppedAt, state, late);
		DeadlineClock stopped = new DeadlineClock(clock.id(), subjectType, subjectId, kind, clock.policy(),
				clock.startedAt(), clock.dueAt(), clock.warnAt(), clock.yearsNotLoaded(), state, stoppedAt, late);
		this.journal.record(subjectType, subjectId, "DeadlineClockStopped",
				Map.of("kind", kind, "late", late, "at", stoppedAt.toString()));
		this.events.publishEvent(DeadlineClockChanged.of(stopped));
		return Optional.of(stopped);
	}

	/**
	 * Computes a running clock again from a corrected start or policy (the subject's own
	 * record said the wrong thing: a mistyped transfer time, a key case registered as
	 * ordinary), and journals {@code DeadlineClockRestated} with the due instant before
	 * and after. Its state is read afresh as of now, so a clock whose corrected due
	 * instant has passed turns red at once. A stopped clock is never restated: a deadline
	 * met keeps its result.
	 * @param subjectType the kind of thing the clock runs for
	 * @param subjectId that thing's id
	 * @param kind the clock's kind
	 * @param policy the policy it should have run under
	 * @param start when it should have started
	 * @return the restated clock, or empty when no clock of that kind runs or the
	 * correction changes neither its policy nor its start
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<DeadlineClock> restate(String subjectType, long subjectId, String kind, DeadlinePolicy policy,
			Instant start) {
		Optional<DeadlineClock> running = this.repository.lockRunning(subjectType, subjectId, kind);
		if (running.isEmpty()) {
			return Optional.empty();
		}
		DeadlineClock clock = running.get();
		Instant startedAt = start.truncatedTo(ChronoUnit.MILLIS);
		if (clock.policy().equals(policy.toString()) && clock.startedAt().equals(startedAt)) {
			return Optional.empty();
		}
		Due due = this.calendars.due(policy, startedAt);
		Instant dueAt = due.at().truncatedTo(ChronoUnit.MILLIS);
		Instant warnAt = dueAt.minus(policy.warningLead()).truncatedTo(ChronoUnit.MILLIS);
		ClockState state = ClockReading.of(policy, dueAt, now()).state();
		this.repository.restate(clock.id(), policy.toString(), startedAt, dueAt, warnAt, due.yearsNotLoaded(), state);
		DeadlineClock restated = new DeadlineClock(clock.id(), subjectType, subjectId, kind, policy.toString(),
				startedAt, dueAt, warnAt, due.yearsNotLoaded(), state, null, null);
		this.journal.record(subjectType, subjectId, "DeadlineClockRestated",
				Map.of("kind", kind, "policy", restated.policy(), "start", startedAt.toString(), "due",
						dueAt.toString(), "previousPolicy", clock.policy(), "previousStart",
						clock.startedAt().toString(), "previousDue", clock.dueAt().toString(), "calendarNotLoaded",
						List.copyOf(due.yearsNotLoaded())));
		this.events.publishEvent(DeadlineClockChanged.of(restated));
		return Optional.of(restated);
	}

	/**
	 * Every clock of a subject, running or stopped, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<DeadlineClock> of(String subjectType, long subjectId) {
		return this.repository.of(subjectType, subjectId);
	}

	/**
	 * The running clocks of many subjects at once, for a list page.
	 * @param subjectType the kind of thing the clocks run for
	 * @param subjectIds the subjects; read in chunks of {@value #QUERY_CHUNK} per query
	 * @return every requested id, in the order given, with its running clocks oldest
	 * first (an empty list when none runs)
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<DeadlineClock>> running(String subjectType, Collection<Long> subjectIds) {
		Map<Long, List<DeadlineClock>> running = new LinkedHashMap<>();
		subjectIds.forEach((id) -> running.put(id, new ArrayList<>()));
		List<Long> ids = List.copyOf(running.keySet());
		for (int from = 0; from < ids.size(); from += QUERY_CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + QUERY_CHUNK));
			this.repository.running(subjectType, chunk).forEach((clock) -> running.get(clock.subjectId()).add(clock));
		}
		running.replaceAll((id, clocks) -> List.copyOf(clocks));
		return running;
	}

	/**
	 * The years whose working calendar was missing when running clocks' due instants were
	 * computed ("calendar not loaded for YEAR"), each with how many running clocks missed
	 * it, in year order. A year loaded since still appears: the due instants it should
	 * have moved were computed by weekdays and are never recomputed.
	 */
	@Transactional(readOnly = true)
	public SortedMap<Integer, Long> runningByYearNotLoaded() {
		return this.repository.runningByYearNotLoaded();
	}

	/**
	 * Moves every running clock whose time has come: to red once due, to yellow once its
	 * warning instant has passed (straight to red when both have). Each move is journaled
	 * as {@code DeadlineClockBreached} or {@code DeadlineClockWarned} by the system and
	 * published, in transactions of {@value #SWEEP_BATCH} clocks.
	 * <p>
	 * Safe to run on several nodes at once, and to interrupt: a clock is moved by a
	 * conditional update on its current state, so only one run moves it, and only that
	 * run journals the move. Within a batch, clocks are updated in id order before
	 * anything is journaled, so that two sweeps wait on each other's rows rather than
	 * deadlock on the journal.
	 * @return the number of clocks this run moved
	 */
	public int sweep() {
		Instant now = now();
		int moved = 0;
		moved += sweep(ClockState.YELLOW, true, now);
		moved += sweep(ClockState.GREEN, true, now);
		moved += sweep(ClockState.GREEN, false, now);
		return moved;
	}

	private int sweep(ClockState from, boolean breach, Instant now) {
		int moved = 0;
		while (true) {
			Batch batch = this.transaction.execute((status) -> sweepBatch(from, breach, now));
			moved += batch.moved();
			if (batch.found() < SWEEP_BATCH) {
				return moved;
			}
		}
	}

	private Batch sweepBatch(ClockState from, boolean breach, Instant now) {
		List<DeadlineClock> found = new ArrayList<>(this.repository.due(from, breach, now, SWEEP_BATCH));
		found.sort(Comparator.comparingLong(DeadlineClock::id));
		List<DeadlineClock> moved = new ArrayList<>();
		for (DeadlineClock clock : found) {
			ClockState to = clock.stateAt(now);
			if (to != from && this.repository.move(clock.id(), from, to)) {
				moved.add(clock.movedTo(to));
			}
		}
		for (DeadlineClock clock : moved) {
			String event = (clock.state() == ClockState.RED) ? "DeadlineClockBreached" : "DeadlineClockWarned";
			this.journal.record(Actor.SYSTEM, clock.subjectType(), clock.subjectId(), event,
					Map.of("kind", clock.kind(), "due", clock.dueAt().toString(), "policy", clock.policy()));
			this.events.publishEvent(DeadlineClockChanged.of(clock));
		}
		return new Batch(found.size(), moved.size());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private record Batch(int found, int moved) {
	}

}
