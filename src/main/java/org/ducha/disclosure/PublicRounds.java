package org.ducha.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ducha.accounts.AccountQueries;
import org.ducha.rounds.Round;
import org.ducha.rounds.RoundQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public home shows: the rounds whose team is stationed now or has been, each
 * with its hotline and published tables. A round whose stationing has not begun is not
 * shown; nor is anything not yet published. Public: no sign-in needed.
 */
@Service
@Transactional(readOnly = true)
public class PublicRounds {

	private final RoundQueries rounds;

	private final DisclosureStore store;

	private final AccountQueries accounts;

	private final Clock clock;

	PublicRounds(RoundQueries rounds, DisclosureStore store, AccountQueries accounts, Clock clock) {
		this.rounds = rounds;
		this.store = store;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * The rounds stationed today, then those whose team has left, each latest stationing
	 * first.
	 */
	public List<PublicRound> stationedOrDone() {
		LocalDate today = LocalDate.now(this.clock);
		Map<Long, List<PublishedTable>> tables = this.store.latestOfEachBatch()
			.stream()
			.collect(Collectors.groupingBy(PublishedTable::roundId));
		Map<String, String> regionNames = this.accounts.regionNames();
		return this.rounds.rounds()
			.stream()
			.filter((round) -> !round.stationedFrom().isAfter(today))
			.map((round) -> shown(round, today, regionNames, tables.getOrDefault(round.id(), List.of())))
			.sorted((a, b) -> Boolean.compare(b.stationed(), a.stationed()))
			.toList();
	}

	private static PublicRound shown(Round round, LocalDate today, Map<String, String> regionNames,
			List<PublishedTable> tables) {
		return new PublicRound(round.id(), round.name(), round.level(), round.team(),
				regionNames.getOrDefault(round.regionCode(), round.regionCode()), round.stationedFrom(),
				round.stationedTo(), round.hotline(), !round.stationedTo().isBefore(today), tables);
	}

}
