package org.ducha.accounts;

/**
 * The part of the unit tree whose data a user may read: the subtree under
 * {@code rootUnitId}. Queries filter by {@link #pathPrefix()}; features that do not own
 * the unit table ask {@link AccountQueries#unitIdsIn(DataScope)}.
 */
public record DataScope(long rootUnitId, String pathPrefix) {

	public boolean includes(Unit unit) {
		return unit.path().startsWith(this.pathPrefix);
	}

}
