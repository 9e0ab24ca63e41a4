package org.ducha.petitions;

import java.util.List;
import java.util.Set;

/**
 * What the disclosure table may say about an approved case: the transferred complaint and
 * the approved report, never the complainant. Texts are as stored; the disclosure feature
 * redacts personal numbers before anything is published.
 */
public record PublishableCase(long petitionId, String receiptNumber, String complaint, List<String> regionCodes,
		Set<PollutionType> pollutionTypes, String findings, Verdict verdict, String handling, String accountability) {

}
