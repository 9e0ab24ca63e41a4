package org.ducha.petitions;

import java.util.List;

/**
 * What an accepted import did.
 *
 * @param imported receipt numbers of the cases created
 * @param unchanged receipt numbers already present with the same content (a re-import)
 */
public record ImportOutcome(List<String> imported, List<String> unchanged) {

}
