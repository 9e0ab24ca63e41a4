package org.ducha.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code deadline_clock}. */
@Repository
class ClockRepository {

	private static final String COLUMNS = """
			id, subject_type, subject_id, kind, policy, started_at, due_at, warn_at, years_not_loaded, state,
			stopped_at, late""";

	private final JdbcClient jdbc;

	ClockRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a running clock; a running clock of the same kind on the subject fails on
	 * {@code deadline_clock_one_running}.
	 * @return the clock's id
	 */
	long insert(String subjectType, long subjectId, String kind, String policy, Instant startedAt, Instant dueAt,
			Instant warnAt, SortedSet<Integer> yearsNotLoaded, ClockState state) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into deadline_clock (subject_type, subject_id, kind, policy, started_at, due_at, warn_at,
				  years_not_loaded, state, running)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
			.params(subjectType, subjectId, kind, policy, utc(startedAt), utc(dueAt), utc(warnAt),
					yearsText(yearsNotLoaded), state.name())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/**
	 * The running clock of a kind on a subject, locked until the transaction ends.
	 */
	Optional<DeadlineClock> lockRunning(String subjectType, long subjectId, String kind) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from deadline_clock
				where subject_type = ? and subject_id = ? and kind = ? and running = true
				for update""").params(subjectType, subjectId, kind).query(ClockRepository::clock).optional();
	}

	/**
	 * Stops a running clock, fixing its state and whether it was late.
	 */
	void stop(long id, Instant at, ClockState state, boolean late) {
		this.jdbc.sql("""
				update deadline_clock
				set stopped_at = ?, state = ?, late = ?, running = null, version = version + 1
				where id = ? and running = true""").params(utc(at), state.name(), late, id).update();
	}

	/**
	 * Sets a running clock's policy, start, due and warning instants and state anew.
	 */
	void restate(long id, String policy, Instant startedAt, Instant dueAt, Instant warnAt,
			SortedSet<Integer> yearsNotLoaded, ClockState state) {
		this.jdbc.sql("""
				update deadline_clock
				set policy = ?, started_at = ?, due_at = ?, warn_at = ?, years_not_loaded = ?, state = ?,
				  version = version + 1
				where id = ? and running = true""")
			.params(policy, utc(startedAt), utc(dueAt), utc(warnAt), yearsText(yearsNotLoaded), state.name(), id)
			.update();
	}

	List<DeadlineClock> of(String subjectType, long subjectId) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from deadline_clock
				where subject_type = ? and subject_id = ?
				order by started_at, id""").params(subjectType, subjectId).query(ClockRepository::clock).list();
	}

	List<DeadlineClock> running(String subjectType, Collection<Long> subjectIds) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from deadline_clock
				where subject_type = :type and subject_id in (:ids) and running = true
				order by subject_id, started_at, id""")
			.param("type", subjectType)
			.param("ids", subjectIds)
			.query(ClockRepository::clock)
			.list();
	}

	/**
	 * How many running clocks were computed without the calendar of each year, a clock
	 * counting once for every year it missed.
	 */
	SortedMap<Integer, Long> runningByYearNotLoaded() {
		SortedMap<Integer, Long> counts = new TreeMap<>();
		this.jdbc.sql("""
				select years_not_loaded, count(*) from deadline_clock
				where running = true and years_not_loaded is not null
				group by years_not_loaded""").query((rs) -> {
			long count = rs.getLong(2);
			years(rs.getString(1)).forEach((year) -> counts.merge(year, count, Long::sum));
		});
		return counts;
	}

	/**
	 * Up to {@code limit} running clocks in {@code from} whose breach or warning instant
	 * has come at {@code now}: due at or before it for a breach, warned strictly before
	 * it for a warning, as {@link ClockReading} reads them.
	 */
	List<DeadlineClock> due(ClockState from, boolean breach, Instant now, int limit) {
		String passed = breach ? "due_at <= :now" : "warn_at < :now";
		return this.jdbc
			.sql("select " + COLUMNS + " from deadline_clock where state = :state and stopped_at is null and " + passed
					+ " limit :limit")
			.param("state", from.name())
			.param("now", utc(now))
			.param("limit", limit)
			.query(ClockRepository::clock)
			.list();
	}

	/**
	 * Moves a running clock from one state to another, unless someone else moved or
	 * stopped it first.
	 * @return whether this call moved it
	 */
	boolean move(long id, ClockState from, ClockState to) {
		return this.jdbc.sql("""
				update deadline_clock set state = ?, version = version + 1
				where id = ? and state = ? and stopped_at is null""").params(to.name(), id, from.name()).update() == 1;
	}

	private static DeadlineClock clock(ResultSet rs, int row) throws SQLException {
		Object late = rs.getObject("late");
		return new DeadlineClock(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"),
				rs.getString("kind"), rs.getString("policy"), instant(rs, "started_at"), instant(rs, "due_at"),
				instant(rs, "warn_at"), years(rs.getString("years_not_loaded")),
				ClockState.valueOf(rs.getString("state")), instant(rs, "stopped_at"),
				(late != null) ? rs.getBoolean("late") : null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String yearsText(SortedSet<Integer> years) {
		return years.isEmpty() ? null : years.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	private static SortedSet<Integer> years(String text) {
		SortedSet<Integer> years = new TreeSet<>();
		if (text != null) {
			Arrays.stream(text.split(",")).map(Integer::valueOf).forEach(years::add);
		}
		return years;
	}

}
