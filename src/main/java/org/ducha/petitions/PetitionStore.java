package org.ducha.petitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ducha.deadlines.ClockState;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The petition tables: cases, their districts, pollution types and assignments. */
@Repository
class PetitionStore {

	/**
	 * Ids or numbers per {@code in (...)} list. H2 checks each row it finds against the
	 * whole list, one value after another, so a query's cost grows with the square of the
	 * list's length: 100 keeps a 1,000-case batch page at a fifth of what 500 cost, and
	 * costs PostgreSQL only a few more round trips.
	 */
	private static final int CHUNK = 100;

	private final JdbcClient jdbc;

	PetitionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A stored case's id and content digest, to tell a re-import from a conflict. */
	record Existing(long id, String receiptKey, String contentHash) {
	}

	/**
	 * The round's stored cases whose receipt numbers have these keys
	 * ({@link ReceiptNumber#key()}), by key.
	 */
	Map<String, Existing> existing(long roundId, Collection<String> receiptKeys) {
		Map<String, Existing> found = new HashMap<>();
		// The round is checked here rather than in the SQL: given both, H2 walks the
		// round's whole index range and compares each row with every key in the list,
		// which made a 5,000-row intake quadratic; by key alone it looks each one up.
		for (List<String> chunk : chunks(new ArrayList<>(receiptKeys))) {
			this.jdbc
				.sql("select id, round_id, receipt_number, receipt_key, content_hash from petition"
						+ " where receipt_key in (:keys)")
				.param("keys", chunk)
				.query((rs, row) -> (rs.getLong("round_id") != roundId) ? null
						: new Existing(rs.getLong("id"), rs.getString("receipt_key"), rs.getString("content_hash")))
				.list()
				.stream()
				.filter(Objects::nonNull)
				.forEach((e) -> found.put(e.receiptKey(), e));
		}
		return found;
	}

	/**
	 * Takes the round's intake lock for the rest of the transaction, without waiting.
	 * @return {@code false} when another transaction holds it (an import is writing)
	 */
	boolean lockIntake(long roundId) {
		try {
			this.jdbc.sql("select round_id from petition_intake_lock where round_id = ? for update nowait")
				.param(roundId)
				.query(Long.class)
				.single();
			return true;
		}
		catch (DataAccessException ex) {
			if (lockNotAvailable(ex)) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * PostgreSQL says lock_not_available (55P03), which Spring leaves uncategorised; H2
	 * says it timed out on the lock (50200).
	 */
	private static boolean lockNotAvailable(DataAccessException ex) {
		return ex instanceof PessimisticLockingFailureException || ex instanceof QueryTimeoutException
				|| (ex.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState()));
	}

	/**
	 * Makes sure the round's intake lock exists. It is looked for first: H2 would wait on
	 * the lock an import holds even to do nothing on the conflict.
	 */
	void createIntakeLock(long roundId) {
		boolean exists = this.jdbc.sql("select count(*) from petition_intake_lock where round_id = ?")
			.param(roundId)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			this.jdbc.sql("insert into petition_intake_lock (round_id) values (?) on conflict do nothing")
				.param(roundId)
				.update();
		}
	}

	long insert(long roundId, long batchId, NewPetition p, Long repeatOfId, String sealedName, String sealedPhone,
			Instant now) {
		ReceiptNumber number = ReceiptNumber.of(p.receiptNumber());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into petition (round_id, batch_id, receipt_number, receipt_key, transferred_at, channel, priority,
					  complaint, reported_object, address, repeat_of_id, content_hash, complainant_name, complainant_phone,
					  status, registered_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(roundId, batchId, number.text(), number.key(), utc(p.transferredAt()), p.channel().name(),
					p.priority().name(), p.complaint(), p.reportedObject(), p.address(), repeatOfId, p.contentHash(),
					sealedName, sealedPhone, PetitionStatus.REGISTERED.name(), utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		for (String region : p.regionCodes()) {
			this.jdbc.sql("insert into petition_region (petition_id, region_code) values (?, ?)")
				.params(id, region)
				.update();
		}
		for (PollutionType type : p.pollutionTypes()) {
			this.jdbc.sql("insert into petition_pollution (petition_id, pollution_type) values (?, ?)")
				.params(id, type.name())
				.update();
		}
		return id;
	}

	Optional<Petition> petition(long id) {
		return petitions(List.of(id)).stream().findFirst();
	}

	Optional<Petition> petitionForUpdate(long id) {
		if (this.jdbc.sql("select id from petition where id = ? for update")
			.param(id)
			.query(Long.class)
			.optional()
			.isEmpty()) {
			return Optional.empty();
		}
		return petition(id);
	}

	/** The cases with these ids, in the order given. */
	List<Petition> petitions(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Petition> byId = new LinkedHashMap<>();
		for (List<Long> chunk : chunks(ids)) {
			Map<Long, List<String>> regions = regions(chunk);
			Map<Long, Set<PollutionType>> types = pollutionTypes(chunk);
			this.jdbc.sql("select * from petition where id in (:ids)").param("ids", chunk).query((rs, row) -> {
				long id = rs.getLong("id");
				long repeatOf = rs.getLong("repeat_of_id");
				Long repeatOfId = rs.wasNull() ? null : repeatOf;
				long lead = rs.getLong("lead_unit_id");
				Long leadUnitId = rs.wasNull() ? null : lead;
				String clockState = rs.getString("clock_state");
				return new Petition(id, rs.getLong("round_id"), rs.getLong("batch_id"), rs.getString("receipt_number"),
						instant(rs, "transferred_at"), Channel.valueOf(rs.getString("channel")),
						Priority.valueOf(rs.getString("priority")), rs.getString("complaint"),
						rs.getString("reported_object"), rs.getString("address"), regions.getOrDefault(id, List.of()),
						types.getOrDefault(id, EnumSet.noneOf(PollutionType.class)), repeatOfId,
						PetitionStatus.valueOf(rs.getString("status")), leadUnitId,
						enumOf(Verdict.class, rs.getString("verdict")),
						enumOf(Completion.class, rs.getString("completion")), rs.getString("clock_kind"),
						(clockState != null) ? ClockState.valueOf(clockState) : null, instant(rs, "clock_due_at"),
						years(rs.getString("clock_years_not_loaded")), instant(rs, "registered_at"),
						rs.getString("complainant_name") != null || rs.getString("complainant_phone") != null,
						rs.getLong("version"));
			}).list().forEach((p) -> byId.put(p.id(), p));
		}
		return ids.stream().map(byId::get).filter((p) -> p != null).toList();
	}

	/** The district codes of these cases, each case's sorted. */
	Map<Long, List<String>> regions(List<Long> ids) {
		Map<Long, List<String>> regions = new HashMap<>();
		if (ids.isEmpty()) {
			return regions;
		}
		this.jdbc
			.sql("select petition_id, region_code from petition_region where petition_id in (:ids)"
					+ " order by region_code")
			.param("ids", ids)
			.query((rs) -> {
				regions.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
			});
		return regions;
	}

	Map<Long, Set<PollutionType>> pollutionTypes(List<Long> ids) {
		Map<Long, Set<PollutionType>> types = new HashMap<>();
		if (ids.isEmpty()) {
			return types;
		}
		this.jdbc.sql("select petition_id, pollution_type from petition_pollution where petition_id in (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				types.computeIfAbsent(rs.getLong(1), (k) -> EnumSet.noneOf(PollutionType.class))
					.add(PollutionType.valueOf(rs.getString(2)));
			});
		return types;
	}

	List<Long> idsOfBatch(long batchId) {
		return this.jdbc.sql("select id from petition where batch_id = ? order by receipt_number")
			.param(batchId)
			.query(Long.class)
			.list();
	}

	/**
	 * One page of a batch's cases in receipt-number order, after {@code after} (or from
	 * the start), for everyone ({@code unitIds} null) or for the cases those units take
	 * part in; one more than {@code limit} when there is a next page.
	 */
	List<Long> idsOfBatchPage(long batchId, List<Long> unitIds, String after, int limit) {
		if (unitIds != null && unitIds.isEmpty()) {
			return List.of();
		}
		String scope = (unitIds != null) ? """
				and exists (select 1 from petition_assignment a where a.petition_id = p.id and a.unit_id in (:units))"""
				: "";
		String from = (after != null) ? " and p.receipt_number > :after" : "";
		var query = this.jdbc
			.sql("select p.id from petition p where p.batch_id = :batch" + from + " " + scope
					+ " order by p.receipt_number fetch first :limit rows only")
			.param("batch", batchId)
			.param("limit", limit + 1);
		if (after != null) {
			query = query.param("after", after);
		}
		if (unitIds != null) {
			query = query.param("units", unitIds);
		}
		return query.query(Long.class).list();
	}

	/** How many of a batch's cases there are, for everyone or for those units. */
	long countOfBatch(long batchId, List<Long> unitIds) {
		if (unitIds != null && unitIds.isEmpty()) {
			return 0;
		}
		if (unitIds == null) {
			return this.jdbc.sql("select count(*) from petition where batch_id = ?")
				.param(batchId)
				.query(Long.class)
				.single();
		}
		return this.jdbc.sql("""
				select count(*) from petition p where p.batch_id = :batch and exists (
				  select 1 from petition_assignment a where a.petition_id = p.id and a.unit_id in (:units))""")
			.param("batch", batchId)
			.param("units", unitIds)
			.query(Long.class)
			.single();
	}

	/** Ids of the batch's cases that a unit in {@code unitIds} takes part in. */
	List<Long> idsOfBatchFor(long batchId, List<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select p.id from petition p where p.batch_id = :batch and exists (
				  select 1 from petition_assignment a where a.petition_id = p.id and a.unit_id in (:units))
				order by p.receipt_number""").param("batch", batchId).param("units", unitIds).query(Long.class).list();
	}

	/**
	 * Ids of the cases that need someone now, most urgent first: red clocks, then yellow,
	 * then green by due time, then cases without a running clock in the given statuses.
	 * @param unitIds restrict to cases these units take part in, or {@code null} for all
	 * @param statuses the statuses that count as work for the reader
	 */
	List<Long> queue(List<Long> unitIds, List<PetitionStatus> statuses, int limit) {
		if (unitIds != null && unitIds.isEmpty()) {
			return List.of();
		}
		String scope = (unitIds != null) ? """
				and exists (select 1 from petition_assignment a where a.petition_id = p.id and a.unit_id in (:units))"""
				: "";
		var sql = this.jdbc.sql("""
				select p.id from petition p
				where p.status in (:statuses) %s
				order by case p.clock_state when 'RED' then 0 when 'YELLOW' then 1 when 'GREEN' then 2 else 3 end,
				  p.clock_due_at, p.id
				fetch first %d rows only""".formatted(scope, limit))
			.param("statuses", statuses.stream().map(Enum::name).toList());
		if (unitIds != null) {
			sql = sql.param("units", unitIds);
		}
		return sql.query(Long.class).list();
	}

	boolean involves(long petitionId, List<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return false;
		}
		return this.jdbc.sql("select count(*) from petition_assignment where petition_id = :id and unit_id in (:units)")
			.param("id", petitionId)
			.param("units", unitIds)
			.query(Long.class)
			.single() > 0;
	}

	Map<Long, List<Assignment>> assignments(List<Long> petitionIds, Map<Long, String> unitNames) {
		Map<Long, List<Assignment>> byPetition = new HashMap<>();
		for (List<Long> chunk : chunks(petitionIds)) {
			this.jdbc.sql("select * from petition_assignment where petition_id in (:ids) order by role, unit_id")
				.param("ids", chunk)
				.query((rs) -> {
					long unit = rs.getLong("unit_id");
					byPetition.computeIfAbsent(rs.getLong("petition_id"), (k) -> new ArrayList<>())
						.add(new Assignment(unit, unitNames.getOrDefault(unit, String.valueOf(unit)),
								AssignmentRole.valueOf(rs.getString("role")), instant(rs, "assigned_at")));
				});
		}
		return byPetition;
	}

	void replaceAssignments(long petitionId, long lead, Collection<Long> coUnits, Collection<Long> territorial,
			Instant now) {
		this.jdbc.sql("delete from petition_assignment where petition_id = ?").param(petitionId).update();
		assign(petitionId, lead, AssignmentRole.LEAD, now);
		coUnits.forEach((u) -> assign(petitionId, u, AssignmentRole.CO, now));
		territorial.forEach((u) -> assign(petitionId, u, AssignmentRole.TERRITORIAL, now));
	}

	/** Assigns with the case's clock state copied, as {@link #updateClock} keeps it. */
	private void assign(long petitionId, long unitId, AssignmentRole role, Instant now) {
		this.jdbc.sql("""
				insert into petition_assignment (petition_id, unit_id, role, assigned_at, clock_state)
				select ?, ?, ?, ?, clock_state from petition where id = ?""")
			.params(petitionId, unitId, role.name(), utc(now), petitionId)
			.update();
	}

	/**
	 * Sets the status and lead unit if the case is still at {@code version}.
	 * @return whether it was
	 */
	boolean update(long id, long version, PetitionStatus status, Long leadUnitId) {
		return this.jdbc.sql("""
				update petition set status = ?, lead_unit_id = ?, version = version + 1
				where id = ? and version = ?""").params(status.name(), leadUnitId, id, version).update() == 1;
	}

	/**
	 * Sets the status if the case is still at {@code version}.
	 * @return whether it was
	 */
	boolean updateStatus(long id, long version, PetitionStatus status) {
		return this.jdbc.sql("update petition set status = ?, version = version + 1 where id = ? and version = ?")
			.params(status.name(), id, version)
			.update() == 1;
	}

	/**
	 * Writes corrected transfer details if the case is still at {@code version}; the
	 * districts and pollution types are replaced, each district row taking the case's
	 * clock state as {@link #updateClock} keeps it.
	 * @return whether it was
	 */
	boolean correct(long id, long version, TransferDetails details, Long repeatOfId, String contentHash) {
		if (this.jdbc.sql("""
				update petition set receipt_number = ?, receipt_key = ?, transferred_at = ?, channel = ?, priority = ?,
				  complaint = ?, reported_object = ?, address = ?, repeat_of_id = ?, content_hash = ?,
				  version = version + 1
				where id = ? and version = ?""")
			.params(ReceiptNumber.of(details.receiptNumber()).text(), ReceiptNumber.keyOf(details.receiptNumber()),
					utc(details.transferredAt()), details.channel().name(), details.priority().name(),
					details.complaint(), details.reportedObject(), details.address(), repeatOfId, contentHash, id,
					version)
			.update() != 1) {
			return false;
		}
		this.jdbc.sql("delete from petition_region where petition_id = ?").param(id).update();
		for (String region : details.regionCodes()) {
			this.jdbc.sql("""
					insert into petition_region (petition_id, region_code, clock_state)
					select ?, ?, clock_state from petition where id = ?""").params(id, region, id).update();
		}
		this.jdbc.sql("delete from petition_pollution where petition_id = ?").param(id).update();
		for (PollutionType type : details.pollutionTypes()) {
			this.jdbc.sql("insert into petition_pollution (petition_id, pollution_type) values (?, ?)")
				.params(id, type.name())
				.update();
		}
		return true;
	}

	/** The receipt number of a case, if there is one with that id. */
	Optional<String> receiptNumberOf(long id) {
		return this.jdbc.sql("select receipt_number from petition where id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	/** The ids of the cases that repeat this one. */
	List<Long> repeatsOf(long id) {
		return this.jdbc.sql("select id from petition where repeat_of_id = ? order by id")
			.param(id)
			.query(Long.class)
			.list();
	}

	/**
	 * Sets a case's content digest, which names the receipt number of the case it repeats
	 * and so changes when that number is corrected; the case's version stays, since
	 * nothing a reader sees on it changed.
	 */
	void updateContentHash(long id, String contentHash) {
		this.jdbc.sql("update petition set content_hash = ? where id = ?").params(contentHash, id).update();
	}

	/** Records the outcome of the approved report, for the ledger. */
	void updateOutcome(long id, Verdict verdict, Completion completion) {
		this.jdbc.sql("update petition set verdict = ?, completion = ? where id = ?")
			.params((verdict != null) ? verdict.name() : null, (completion != null) ? completion.name() : null, id)
			.update();
	}

	/**
	 * Sets the case's most urgent running clock, and the copies of its state on the
	 * case's districts and assignments, from which the ledger counts.
	 */
	void updateClock(long id, String kind, ClockState state, Instant dueAt, Collection<Integer> yearsNotLoaded) {
		String stateName = (state != null) ? state.name() : null;
		String years = yearsNotLoaded.isEmpty() ? null
				: String.join(",", yearsNotLoaded.stream().map(String::valueOf).toList());
		this.jdbc
			.sql("update petition set clock_kind = ?, clock_state = ?, clock_due_at = ?, clock_years_not_loaded = ?"
					+ " where id = ?")
			.params(kind, stateName, utc(dueAt), years, id)
			.update();
		this.jdbc.sql("update petition_region set clock_state = ? where petition_id = ?")
			.params(stateName, id)
			.update();
		this.jdbc.sql("update petition_assignment set clock_state = ? where petition_id = ?")
			.params(stateName, id)
			.update();
	}

	/** The sealed complainant fields. */
	Complainant sealedComplainant(long id) {
		return this.jdbc.sql("select complainant_name, complainant_phone from petition where id = ?")
			.param(id)
			.query((rs, row) -> new Complainant(rs.getString(1), rs.getString(2)))
			.single();
	}

	/** The years of a {@code clock_years_not_loaded} column, in order. */
	static List<Integer> years(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).sorted().toList();
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

	static <T> List<List<T>> chunks(List<T> all) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
		return chunks;
	}

}
