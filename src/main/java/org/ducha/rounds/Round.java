package org.ducha.rounds;

import java.time.LocalDate;

import org.ducha.deadlines.DeadlinePolicy;

/**
 * An inspection round as stationed in one region.
 *
 * @param receiptPolicy how long a unit has to receive a transferred case
 * @param reportPolicy when the handling report of an ordinary case is due
 * @param keyReportPolicy when the handling report of a key case is due
 * @param supplementPolicy how long a unit has to supplement a returned report
 */
public record Round(long id, String name, RoundLevel level, String team, String regionCode, LocalDate stationedFrom,
		LocalDate stationedTo, String hotline, DeadlinePolicy receiptPolicy, DeadlinePolicy reportPolicy,
		DeadlinePolicy keyReportPolicy, DeadlinePolicy supplementPolicy, long version) {

	/** The report policy for a case of the given priority. */
	public DeadlinePolicy reportPolicy(boolean keyCase) {
		return keyCase ? this.keyReportPolicy : this.reportPolicy;
	}

}
