package org.ducha.deadlines;

import java.time.Instant;

/**
 * A year whose schedule is loaded.
 *
 * @param year the year
 * @param addedBy login of the administrator who added it, or {@code system} for the years
 * shipped with Ducha
 * @param addedAt when it was added
 */
public record CalendarYear(int year, String addedBy, Instant addedAt) {

}
