package org.ducha.rounds;

import java.time.LocalDate;

/**
 * What an office enters to create or change a round; policies in the text form of
 * {@link org.ducha.deadlines.DeadlinePolicy#parse(String)}.
 */
public record RoundDraft(String name, RoundLevel level, String team, String regionCode, LocalDate stationedFrom,
		LocalDate stationedTo, String hotline, String receiptPolicy, String reportPolicy, String keyReportPolicy,
		String supplementPolicy) {

	/** The policies published practice uses (deadlines.md): 24 h, noon of day 5, 6 h. */
	public static RoundDraft withDefaultPolicies(String name, RoundLevel level, String team, String regionCode,
			LocalDate stationedFrom, LocalDate stationedTo, String hotline) {
		return new RoundDraft(name, level, team, regionCode, stationedFrom, stationedTo, hotline, "DURATION PT24H",
				"DAY_N 5 12:00", "DAY_N 5 12:00", "DURATION PT6H");
	}

}
