package org.ducha.petitions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ducha.accounts.Region;

/**
 * The rules a transferred case must satisfy before anything is written. Every problem of
 * every row is collected, so that the office fixes the sheet once.
 */
final class IntakeRules {

	static final int MAX_COMPLAINT = 4000;

	private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,32}");

	private IntakeRules() {
	}

	/**
	 * Checks rows against each other, the known regions and the cases already stored.
	 * @param rows the rows, the first being spreadsheet row {@code firstRow}
	 * @param regionCodes the districts a case of this round may concern
	 * @param existing stored cases of the round by the key of their receipt number
	 * ({@link ReceiptNumber#key()})
	 */
	static List<IntakeProblem> check(List<NewPetition> rows, int firstRow, Set<String> regionCodes,
			Map<String, PetitionStore.Existing> existing) {
		List<IntakeProblem> problems = new ArrayList<>();
		Map<String, Integer> firstSeen = new HashMap<>();
		Set<String> earlier = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			NewPetition p = rows.get(i);
			int row = firstRow + i;
			String number = p.receiptNumber();
			String key = ReceiptNumber.keyOf(number);
			if (blank(number)) {
				problems.add(new IntakeProblem(row, IntakeField.RECEIPT_NUMBER, null, "intake.required"));
			}
			else if (!ReceiptNumber.isValid(number)) {
				problems.add(new IntakeProblem(row, IntakeField.RECEIPT_NUMBER, number, "intake.receiptNumber.format",
						ReceiptNumber.MAX_LENGTH));
			}
			else if (firstSeen.containsKey(key)) {
				problems.add(new IntakeProblem(row, IntakeField.RECEIPT_NUMBER, number,
						"intake.receiptNumber.duplicate", firstSeen.get(key)));
			}
			else {
				firstSeen.put(key, row);
				PetitionStore.Existing stored = existing.get(key);
				if (stored != null && !stored.contentHash().equals(p.contentHash())) {
					problems.add(IntakeProblem.conflict(row, number, stored.id()));
				}
			}
			if (p.transferredAt() == null) {
				problems.add(new IntakeProblem(row, IntakeField.TRANSFERRED_AT, null, "intake.required"));
			}
			if (p.channel() == null) {
				problems.add(new IntakeProblem(row, IntakeField.CHANNEL, null, "intake.required"));
			}
			if (p.priority() == null) {
				problems.add(new IntakeProblem(row, IntakeField.PRIORITY, null, "intake.required"));
			}
			if (blank(p.complaint())) {
				problems.add(new IntakeProblem(row, IntakeField.COMPLAINT, null, "intake.required"));
			}
			else if (p.complaint().length() > MAX_COMPLAINT) {
				problems.add(new IntakeProblem(row, IntakeField.COMPLAINT, null, "intake.tooLong", MAX_COMPLAINT));
			}
			tooLong(problems, row, IntakeField.REPORTED_OBJECT, p.reportedObject(), 256);
			tooLong(problems, row, IntakeField.ADDRESS, p.address(), 256);
			tooLong(problems, row, IntakeField.COMPLAINANT_NAME, p.complainantName(), 64);
			if (!blank(p.complainantPhone()) && !PHONE.matcher(p.complainantPhone()).matches()) {
				problems.add(new IntakeProblem(row, IntakeField.COMPLAINANT_PHONE, null, "intake.phone.format"));
			}
			if (p.regionCodes().isEmpty()) {
				problems.add(new IntakeProblem(row, IntakeField.REGIONS, null, "intake.required"));
			}
			for (String region : p.regionCodes()) {
				if (!regionCodes.contains(region)) {
					problems.add(new IntakeProblem(row, IntakeField.REGIONS, region, "intake.region.unknown"));
				}
			}
			if (!blank(p.repeatOf())) {
				String repeatOf = ReceiptNumber.keyOf(p.repeatOf());
				if (repeatOf.equals(key)) {
					problems.add(new IntakeProblem(row, IntakeField.REPEAT_OF, p.repeatOf(), "intake.repeatOf.self"));
				}
				else if (!earlier.contains(repeatOf) && !existing.containsKey(repeatOf)) {
					problems
						.add(new IntakeProblem(row, IntakeField.REPEAT_OF, p.repeatOf(), "intake.repeatOf.unknown"));
				}
			}
			if (!blank(number)) {
				earlier.add(key);
			}
		}
		return problems;
	}

	/**
	 * The codes of a region and of every region below it: the districts a case of a round
	 * over that region may concern.
	 */
	static Set<String> regionsWithin(String rootCode, List<Region> all) {
		Set<String> within = new LinkedHashSet<>();
		within.add(rootCode);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Region region : all) {
				if (region.parentCode() != null && within.contains(region.parentCode())) {
					grew |= within.add(region.code());
				}
			}
		}
		return within;
	}

	private static void tooLong(List<IntakeProblem> problems, int row, IntakeField field, String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(new IntakeProblem(row, field, null, "intake.tooLong", max));
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
