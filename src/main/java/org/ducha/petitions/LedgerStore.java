package org.ducha.petitions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ducha.deadlines.ClockState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's queries over the petition tables. Scope and filter are both predicates of
 * one statement, so that a page, its count and an export see the same cases and nothing
 * outside the reader's scope is ever loaded. Pages are read by keyset (the sort key and
 * the id of the last row seen), never by offset.
 */
@Repository
class LedgerStore {

	/** A row as stored, before names and the live clock are added. */
	record Stored(long id, long roundId, long batchId, String receiptNumber, Instant transferredAt, Channel channel,
			Priority priority, String complaint, PetitionStatus status, Long leadUnitId, Verdict verdict,
			Completion completion, String clockKind, ClockState clockState, Instant clockDueAt,
			List<Integer> clockYearsNotLoaded) {

		/** This row's value of the sort key, for a cursor. */
		Object keyOf(LedgerSort.Key key) {
			return switch (key) {
				case TRANSFERRED -> this.transferredAt;
				case RECEIPT -> this.receiptNumber;
				case DUE -> this.clockDueAt;
			};
		}

	}

	/**
	 * Where a page starts: after (or, reading backwards, before) the row with this sort
	 * key value and id. A {@code null} key is a case without a running clock.
	 */
	record Position(Object key, long id, boolean backwards) {
	}

	private static final String COLUMNS = """
			p.id, p.round_id, p.batch_id, p.receipt_number, p.transferred_at, p.channel, p.priority, p.complaint,
			p.status, p.lead_unit_id, p.verdict, p.completion, p.clock_kind, p.clock_state, p.clock_due_at,
			p.clock_years_not_loaded""";

	private final JdbcClient jdbc;

	LedgerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} rows in sort order from {@code position} (the first rows when
	 * it is {@code null}); read backwards, they are still returned in sort order.
	 */
	List<Stored> rows(CaseVisibility.Scope scope, LedgerFilter filter, LedgerSort sort, Position position, int limit) {
		Where where = where(scope, filter);
		if (where == null) {
			return List.of();
		}
		boolean descending = sort.descending() != (position != null && position.backwards());
		String column = sort.key().column();
		if (position != null) {
			where.add(keyset(column, descending, position.key()), "afterId", position.id());
			if (position.key() != null) {
				where.parameters.put("afterKey",
						(position.key() instanceof Instant instant) ? PetitionStore.utc(instant) : position.key());
			}
		}
		String nulls = (sort.key() == LedgerSort.Key.DUE) ? (descending ? " nulls first" : " nulls last") : "";
		String direction = descending ? " desc" : " asc";
		String sql = "select " + COLUMNS + " from petition p" + where.sql() + " order by " + column + direction + nulls
				+ ", p.id" + direction + " limit " + limit;
		List<Stored> rows = new ArrayList<>(this.jdbc.sql(sql).params(where.parameters).query((rs, n) -> {
			long lead = rs.getLong("lead_unit_id");
			Long leadUnitId = rs.wasNull() ? null : lead;
			String clockState = rs.getString("clock_state");
			return new Stored(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("batch_id"),
					rs.getString("receipt_number"), PetitionStore.instant(rs, "transferred_at"),
					Channel.valueOf(rs.getString("channel")), Priority.valueOf(rs.getString("priority")),
					rs.getString("complaint"), PetitionStatus.valueOf(rs.getString("status")), leadUnitId,
					PetitionStore.enumOf(Verdict.class, rs.getString("verdict")),
					PetitionStore.enumOf(Completion.class, rs.getString("completion")), rs.getString("clock_kind"),
					(clockState != null) ? ClockState.valueOf(clockState) : null,
					PetitionStore.instant(rs, "clock_due_at"),
					PetitionStore.years(rs.getString("clock_years_not_loaded")));
		}).list());
		if (position != null && position.backwards()) {
			Collections.reverse(rows);
		}
		return rows;
	}

	/**
	 * How many cases the same predicates match. A filter of nothing but a district and a
	 * clock state is counted on the district's entries, and a handler's filter of nothing
	 * but a clock state on its units' assignments: both carry a copy of the case's clock
	 * state (kept by {@link PetitionStore#updateClock}), so that the count reads only the
	 * matching index entries and never the cases themselves.
	 */
	long count(CaseVisibility.Scope scope, LedgerFilter filter) {
		if (!scope.everything() && scope.unitIds().isEmpty()) {
			return 0;
		}
		if (atMostDistrictAndClock(filter) && filter.region() != null) {
			return countInDistrict(scope, filter.region(), filter.clock());
		}
		if (atMostDistrictAndClock(filter) && !scope.everything()) {
			return countInScope(scope.unitIds(), filter.clock());
		}
		Where where = where(scope, filter);
		return this.jdbc.sql("select count(*) from petition p" + where.sql())
			.params(where.parameters)
			.query(Long.class)
			.single();
	}

	private static boolean atMostDistrictAndClock(LedgerFilter filter) {
		return filter.round() == null && filter.batch() == null && filter.unit() == null && filter.pollution() == null
				&& filter.verdict() == null && filter.completion() == null && filter.status() == null
				&& filter.receipt() == null;
	}

	private long countInDistrict(CaseVisibility.Scope scope, String region, ClockState clock) {
		Where where = new Where();
		where.add("r.region_code = :region", "region", region);
		if (clock != null) {
			where.add("r.clock_state = :clock", "clock", clock.name());
		}
		if (!scope.everything()) {
			where.add("exists (select 1 from petition_assignment s where s.petition_id = r.petition_id"
					+ " and s.unit_id in (:scopeUnits)" + ((clock != null) ? " and s.clock_state = :clock" : "") + ")",
					"scopeUnits", scope.unitIds());
		}
		return this.jdbc.sql("select count(*) from petition_region r" + where.sql())
			.params(where.parameters)
			.query(Long.class)
			.single();
	}

	/** A case in which several of the units take part counts once. */
	private long countInScope(List<Long> unitIds, ClockState clock) {
		Where where = new Where();
		where.add("s.unit_id in (:scopeUnits)", "scopeUnits", unitIds);
		if (clock != null) {
			where.add("s.clock_state = :clock", "clock", clock.name());
		}
		return this.jdbc
			.sql("select count(*) from (select s.petition_id from petition_assignment s" + where.sql()
					+ " group by s.petition_id) c")
			.params(where.parameters)
			.query(Long.class)
			.single();
	}

	/**
	 * The keyset predicate: rows after the position in the direction read. Cases without
	 * a running clock have a {@code null} due time, which sorts after every time (last
	 * ascending, first descending) on both databases.
	 */
	private static String keyset(String column, boolean descending, Object key) {
		if (key == null) {
			return descending ? "((" + column + " is null and p.id < :afterId) or " + column + " is not null)"
					: "(" + column + " is null and p.id > :afterId)";
		}
		String compared = "(" + column + ", p.id) " + (descending ? "<" : ">") + " (:afterKey, :afterId)";
		return (descending || !column.equals(LedgerSort.Key.DUE.column())) ? compared
				: "(" + compared + " or " + column + " is null)";
	}

	/**
	 * The scope and filter predicates, or {@code null} when the reader may see nothing.
	 */
	private static Where where(CaseVisibility.Scope scope, LedgerFilter filter) {
		Where where = new Where();
		if (!scope.everything()) {
			if (scope.unitIds().isEmpty()) {
				return null;
			}
			where.add("exists (select 1 from petition_assignment s where s.petition_id = p.id"
					+ " and s.unit_id in (:scopeUnits))", "scopeUnits", scope.unitIds());
		}
		if (filter.round() != null) {
			where.add("p.round_id = :round", "round", filter.round());
		}
		if (filter.batch() != null) {
			where.add("p.batch_id = :batch", "batch", filter.batch());
		}
		if (filter.region() != null) {
			where.add("exists (select 1 from petition_region r where r.petition_id = p.id"
					+ " and r.region_code = :region)", "region", filter.region());
		}
		if (filter.unit() != null) {
			where.add("exists (select 1 from petition_assignment a where a.petition_id = p.id and a.unit_id = :unit)",
					"unit", filter.unit());
		}
		if (filter.pollution() != null) {
			where.add("exists (select 1 from petition_pollution t where t.petition_id = p.id"
					+ " and t.pollution_type = :pollution)", "pollution", filter.pollution().name());
		}
		if (filter.verdict() != null) {
			where.add("p.verdict = :verdict", "verdict", filter.verdict().name());
		}
		if (filter.completion() != null) {
			where.add("p.completion = :completion", "completion", filter.completion().name());
		}
		if (filter.clock() != null) {
			where.add("p.clock_state = :clock", "clock", filter.clock().name());
		}
		if (filter.status() != null) {
			where.add("p.status = :status", "status", filter.status().name());
		}
		if (filter.receipt() != null) {
			where.add("p.receipt_number like :receipt escape '\\'", "receipt", likePrefix(filter.receipt()));
		}
		return where;
	}

	private static String likePrefix(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Predicates joined by {@code and}, with their named parameters. */
	private static final class Where {

		private final List<String> predicates = new ArrayList<>();

		private final Map<String, Object> parameters = new LinkedHashMap<>();

		void add(String predicate, String name, Object value) {
			this.predicates.add(predicate);
			this.parameters.put(name, value);
		}

		String sql() {
			return this.predicates.isEmpty() ? "" : " where " + String.join(" and ", this.predicates);
		}

	}

}
