package org.ducha.petitions;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.ducha.deadlines.ClockState;

/**
 * A case as the reader may see it. For anyone but the office, {@link #complaint()} has
 * personal numbers masked; the complainant is never part of it.
 *
 * @param verdict the verdict of the approved handling report, or {@code null} before
 * @param completion the completion of the approved handling report, or {@code null}
 * before
 * @param clockKind the most urgent running clock ({@code RECEIPT}, {@code REPORT},
 * {@code SUPPLEMENT}), or {@code null} when none runs
 * @param clockState that clock's state at the last sweep
 * @param clockYearsNotLoaded the years whose working calendar was missing when the due
 * instants of the running clocks were computed (weekdays were counted instead), in order;
 * empty when none
 * @param complainantGiven whether the complainant left a name or phone number
 */
public record Petition(long id, long roundId, long batchId, String receiptNumber, Instant transferredAt,
		Channel channel, Priority priority, String complaint, String reportedObject, String address,
		List<String> regionCodes, Set<PollutionType> pollutionTypes, Long repeatOfId, PetitionStatus status,
		Long leadUnitId, Verdict verdict, Completion completion, String clockKind, ClockState clockState,
		Instant clockDueAt, List<Integer> clockYearsNotLoaded, Instant registeredAt, boolean complainantGiven,
		long version) {

	public Petition {
		clockYearsNotLoaded = List.copyOf(clockYearsNotLoaded);
	}

	public boolean keyCase() {
		return this.priority == Priority.KEY;
	}

	Petition withComplaint(String text) {
		return new Petition(this.id, this.roundId, this.batchId, this.receiptNumber, this.transferredAt, this.channel,
				this.priority, text, this.reportedObject, this.address, this.regionCodes, this.pollutionTypes,
				this.repeatOfId, this.status, this.leadUnitId, this.verdict, this.completion, this.clockKind,
				this.clockState, this.clockDueAt, this.clockYearsNotLoaded, this.registeredAt, this.complainantGiven,
				this.version);
	}

}
