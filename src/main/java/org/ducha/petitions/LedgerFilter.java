package org.ducha.petitions;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ducha.deadlines.ClockState;

/**
 * What the ledger shows: every component left {@code null} (or blank) matches every case.
 * The component names are also the URL query parameters, so that a filtered view can be
 * bookmarked and exported as it is.
 *
 * @param round cases of this round
 * @param batch cases of this batch
 * @param region cases concerning this district (region code)
 * @param unit cases in which this unit takes any part (lead, co-unit or territorial)
 * @param pollution cases of this pollution type
 * @param verdict cases whose approved report found this
 * @param completion cases whose approved report says this
 * @param clock cases whose most urgent running clock was in this state at the last sweep
 * @param status cases in this status
 * @param receipt cases whose receipt number starts with this (case-insensitive)
 */
public record LedgerFilter(Long round, Long batch, String region, Long unit, PollutionType pollution, Verdict verdict,
		Completion completion, ClockState clock, PetitionStatus status, String receipt) {

	public LedgerFilter {
		region = blankToNull(region);
		receipt = (blankToNull(receipt) != null) ? receipt.strip().toUpperCase(Locale.ROOT) : null;
	}

	/** Every case the reader may see. */
	public static LedgerFilter none() {
		return new LedgerFilter(null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * The filter as query parameters, in a fixed order and without the empty ones: for
	 * links that keep it, and for the journal entry of an export.
	 */
	public Map<String, String> asParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "round", this.round);
		put(parameters, "batch", this.batch);
		put(parameters, "region", this.region);
		put(parameters, "unit", this.unit);
		put(parameters, "pollution", this.pollution);
		put(parameters, "verdict", this.verdict);
		put(parameters, "completion", this.completion);
		put(parameters, "clock", this.clock);
		put(parameters, "status", this.status);
		put(parameters, "receipt", this.receipt);
		return parameters;
	}

	/** Whether any criterion is set. */
	public boolean narrows() {
		return !asParameters().isEmpty();
	}

	private static void put(Map<String, String> parameters, String name, Object value) {
		if (value != null) {
			parameters.put(name, (value instanceof Enum<?> e) ? e.name() : value.toString());
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
