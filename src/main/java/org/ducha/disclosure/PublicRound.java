package org.ducha.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.ducha.rounds.RoundLevel;

/**
 * An inspection round as the public sees it: who inspects which region, when the team is
 * stationed, the hotline it takes complaints on, and the disclosure tables published so
 * far. Nothing else of the round (its policies, its batches before they are published) is
 * public.
 *
 * @param regionName the region inspected, by name
 * @param stationed whether the team is stationed today, rather than gone
 * @param tables the latest version of each of the round's published tables, newest first
 */
public record PublicRound(long id, String name, RoundLevel level, String team, String regionName,
		LocalDate stationedFrom, LocalDate stationedTo, String hotline, boolean stationed,
		List<PublishedTable> tables) {

	private static final Pattern TELEPHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{2,30}");

	/**
	 * The hotline as a {@code tel:} link for phones, or {@code null} when it is not a
	 * single number (text, or several numbers) and is better shown as written.
	 */
	public String telephoneLink() {
		if (this.hotline == null || !TELEPHONE.matcher(this.hotline.strip()).matches()) {
			return null;
		}
		return "tel:" + this.hotline.replaceAll("[^0-9+]", "");
	}

}
