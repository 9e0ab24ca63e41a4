package org.ducha.accounts;

/**
 * An organisation in the unit tree.
 *
 * @param path the ids from the root down to this unit, as {@code /1/7/12/}; a unit's
 * subtree is every unit whose path starts with its own
 * @param version for optimistic locking
 */
public record Unit(long id, String name, UnitKind kind, String regionCode, String regionName, Long parentId,
		String path, long version) {

	/** How deep the unit sits in the tree, 0 for a root. */
	public int depth() {
		return (int) this.path.chars().filter((c) -> c == '/').count() - 2;
	}

	public boolean contains(Unit other) {
		return other.path.startsWith(this.path);
	}

}
