package org.ducha.petitions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.ducha.accounts.AccountQueries;
import org.ducha.deadlines.ClockReading;
import org.ducha.deadlines.DeadlinePolicy;
import org.ducha.rounds.Batch;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundQueries;
import org.ducha.shared.NotFound;
import org.ducha.shared.PersonalNumbers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The petition ledger (台账): every case the reader may see, filtered, sorted and read a
 * page at a time, with a count of the same cases and a way to read them all for an
 * export. The office and leaders see every case, a handler the cases its units take part
 * in; the scope is part of every query. The complainant is never part of a row, and the
 * complaint text is masked for everybody but the office.
 */
@Service
@Transactional(readOnly = true)
public class Ledger {

	/** Rows per page. */
	public static final int PAGE_SIZE = 50;

	/** Rows per query when reading every row. */
	static final int CHUNK = 500;

	private final LedgerStore store;

	private final PetitionStore petitions;

	private final CaseVisibility visibility;

	private final RoundQueries rounds;

	private final AccountQueries accounts;

	private final Clock clock;

	Ledger(LedgerStore store, PetitionStore petitions, CaseVisibility visibility, RoundQueries rounds,
			AccountQueries accounts, Clock clock) {
		this.store = store;
		this.petitions = petitions;
		this.visibility = visibility;
		this.rounds = rounds;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * One page of the filtered ledger.
	 * @param after a page's {@link LedgerPage#next() next} cursor, to read the page after
	 * it; or {@code null}
	 * @param before a page's {@link LedgerPage#previous() previous} cursor, to read the
	 * page before it; or {@code null}. With neither (or a cursor of another sort), the
	 * first page.
	 */
	public LedgerPage page(LedgerFilter filter, LedgerSort sort, String after, String before) {
		CaseVisibility.Scope scope = this.visibility.current();
		LedgerStore.Position position = Cursor.decode(sort.key(), (before != null) ? before : after, before != null);
		List<LedgerStore.Stored> stored = this.store.rows(scope, filter, sort, position, PAGE_SIZE + 1);
		boolean more = stored.size() > PAGE_SIZE;
		boolean backwards = position != null && position.backwards();
		if (more) {
			stored = backwards ? stored.subList(1, stored.size()) : stored.subList(0, PAGE_SIZE);
		}
		if (stored.isEmpty()) {
			return new LedgerPage(List.of(), null, null);
		}
		boolean hasNext = backwards || more;
		boolean hasPrevious = backwards ? more : position != null;
		LedgerStore.Stored first = stored.get(0);
		LedgerStore.Stored last = stored.get(stored.size() - 1);
		return new LedgerPage(new Names().rows(scope, stored),
				hasNext ? Cursor.encode(sort.key(), last.keyOf(sort.key()), last.id()) : null,
				hasPrevious ? Cursor.encode(sort.key(), first.keyOf(sort.key()), first.id()) : null);
	}

	/** How many cases the filter matches for this reader: the same cases as the pages. */
	public long count(LedgerFilter filter) {
		return this.store.count(this.visibility.current(), filter);
	}

	/**
	 * Reads every row of the filtered ledger in sort order, a chunk of rows per query, so
	 * that memory stays flat however many there are.
	 * @return how many rows were read
	 */
	public long forEachRow(LedgerFilter filter, LedgerSort sort, Consumer<LedgerRow> action) {
		CaseVisibility.Scope scope = this.visibility.current();
		Names names = new Names();
		LedgerStore.Position position = null;
		long rows = 0;
		while (true) {
			List<LedgerStore.Stored> chunk = this.store.rows(scope, filter, sort, position, CHUNK);
			names.rows(scope, chunk).forEach(action);
			rows += chunk.size();
			if (chunk.size() < CHUNK) {
				return rows;
			}
			LedgerStore.Stored last = chunk.get(chunk.size() - 1);
			position = new LedgerStore.Position(last.keyOf(sort.key()), last.id(), false);
		}
	}

	/**
	 * Names of districts, units, batches and the round policies for the clocks, loaded
	 * once per page or export.
	 */
	private final class Names {

		private final Map<String, String> regions = new HashMap<>();

		private final Map<Long, String> units;

		private final Map<Long, Batch> batches = new HashMap<>();

		private final Map<Long, Round> roundsById = new HashMap<>();

		private final Instant now = Ledger.this.clock.instant();

		Names() {
			this.regions.putAll(Ledger.this.accounts.regionNames());
			this.units = Ledger.this.accounts.unitNames();
		}

		List<LedgerRow> rows(CaseVisibility.Scope scope, List<LedgerStore.Stored> stored) {
			List<Long> ids = stored.stream().map(LedgerStore.Stored::id).toList();
			Map<Long, List<String>> codes = Ledger.this.petitions.regions(ids);
			Map<Long, Set<PollutionType>> types = Ledger.this.petitions.pollutionTypes(ids);
			List<LedgerRow> rows = new ArrayList<>(stored.size());
			for (LedgerStore.Stored s : stored) {
				List<String> districts = codes.getOrDefault(s.id(), List.of())
					.stream()
					.map((code) -> this.regions.getOrDefault(code, code))
					.toList();
				String complaint = scope.office() ? s.complaint() : PersonalNumbers.redact(s.complaint());
				rows.add(new LedgerRow(s.id(), s.receiptNumber(), batchNumber(s.batchId()), s.transferredAt(),
						s.channel(), s.priority(), districts,
						types.getOrDefault(s.id(), EnumSet.noneOf(PollutionType.class)), complaint,
						(s.leadUnitId() != null)
								? this.units.getOrDefault(s.leadUnitId(), String.valueOf(s.leadUnitId())) : null,
						s.status(), s.verdict(), s.completion(), s.clockState(), s.clockDueAt(), reading(s),
						s.clockYearsNotLoaded()));
			}
			return rows;
		}

		private Integer batchNumber(long batchId) {
			Batch batch = this.batches.computeIfAbsent(batchId, (id) -> {
				try {
					return Ledger.this.rounds.batch(id);
				}
				catch (NotFound ex) {
					return null;
				}
			});
			return (batch != null) ? batch.number() : null;
		}

		/** The running clock read now under the round's policy for its kind. */
		private ClockReading reading(LedgerStore.Stored s) {
			if (s.clockKind() == null || s.clockDueAt() == null) {
				return null;
			}
			Round round = this.roundsById.computeIfAbsent(s.roundId(), Ledger.this.rounds::round);
			DeadlinePolicy policy = switch (s.clockKind()) {
				case "RECEIPT" -> round.receiptPolicy();
				case "REPORT" -> round.reportPolicy(s.priority() == Priority.KEY);
				case "SUPPLEMENT" -> round.supplementPolicy();
				default -> null;
			};
			return (policy != null) ? ClockReading.of(policy, s.clockDueAt(), this.now) : null;
		}

	}

	/**
	 * The opaque cursor of a page: the sort key's name, the key value of a boundary row
	 * and its id. A cursor that does not decode, or belongs to another sort, reads as
	 * none.
	 */
	static final class Cursor {

		private static final String SEPARATOR = "~";

		private Cursor() {
		}

		static String encode(LedgerSort.Key key, Object value, long id) {
			String text = switch (key) {
				case TRANSFERRED, DUE -> (value != null) ? String.valueOf(((Instant) value).toEpochMilli()) : "";
				case RECEIPT -> (String) value;
			};
			String plain = key.name() + SEPARATOR + id + SEPARATOR + text;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		}

		static LedgerStore.Position decode(LedgerSort.Key key, String cursor, boolean backwards) {
			if (cursor == null || cursor.isBlank()) {
				return null;
			}
			try {
				String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
				String[] parts = plain.split(SEPARATOR, 3);
				if (parts.length != 3 || !parts[0].equals(key.name())) {
					return null;
				}
				long id = Long.parseLong(parts[1]);
				Object value = switch (key) {
					case TRANSFERRED -> Instant.ofEpochMilli(Long.parseLong(parts[2]));
					case DUE -> parts[2].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[2]));
					case RECEIPT -> parts[2];
				};
				return new LedgerStore.Position(value, id, backwards);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
