package org.ducha.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The region and unit tables. */
@Repository
class UnitStore {

	private static final String SELECT_UNIT = """
			select u.id, u.name, u.kind, u.region_code, r.name as region_name, u.parent_id, u.path, u.version
			from unit u join region r on r.code = u.region_code
			""";

	private static final RowMapper<Unit> UNIT = (rs, row) -> {
		long parent = rs.getLong("parent_id");
		return new Unit(rs.getLong("id"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
				rs.getString("region_code"), rs.getString("region_name"), rs.wasNull() ? null : parent,
				rs.getString("path"), rs.getLong("version"));
	};

	private static final RowMapper<Region> REGION = (rs, row) -> new Region(rs.getString("code"), rs.getString("name"),
			RegionLevel.valueOf(rs.getString("level")), rs.getString("parent_code"));

	private final JdbcClient jdbc;

	UnitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Unit> unit(long id) {
		return this.jdbc.sql(SELECT_UNIT + " where u.id = ?").param(id).query(UNIT).optional();
	}

	/** The units of a subtree, parents before children. */
	List<Unit> subtree(String pathPrefix) {
		return this.jdbc.sql(SELECT_UNIT + " where u.path like ? order by u.path")
			.param(pathPrefix + "%")
			.query(UNIT)
			.list();
	}

	List<Unit> units(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT_UNIT + " where u.id in (:ids)").param("ids", ids).query(UNIT).list();
	}

	List<Long> subtreeIds(String pathPrefix) {
		return this.jdbc.sql("select id from unit where path like ?").param(pathPrefix + "%").query(Long.class).list();
	}

	boolean nameTakenUnder(Long parentId, String name, Long exceptId) {
		return this.jdbc.sql("""
				select count(*) from unit
				where name = ? and (parent_id = ? or (parent_id is null and ? is null)) and id <> ?""")
			.params(name, parentId, parentId, (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	long insert(String name, UnitKind kind, String regionCode, Unit parent) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into unit (name, kind, region_code, parent_id, path) values (?, ?, ?, ?, '')")
			.params(name, kind.name(), regionCode, (parent != null) ? parent.id() : null)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		String path = ((parent != null) ? parent.path() : "/") + id + "/";
		this.jdbc.sql("update unit set path = ? where id = ?").params(path, id).update();
		return id;
	}

	/**
	 * Changes a unit's fields and, when its parent changes, the paths of its whole
	 * subtree.
	 * @return false when the unit's version no longer matches (someone else changed it)
	 */
	boolean update(Unit unit, long expectedVersion, String name, UnitKind kind, String regionCode, Unit newParent) {
		String newPath = ((newParent != null) ? newParent.path() : "/") + unit.id() + "/";
		int updated = this.jdbc.sql("""
				update unit set name = ?, kind = ?, region_code = ?, parent_id = ?, path = ?, version = version + 1
				where id = ? and version = ?""")
			.params(name, kind.name(), regionCode, (newParent != null) ? newParent.id() : null, newPath, unit.id(),
					expectedVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		if (!newPath.equals(unit.path())) {
			this.jdbc.sql("""
					update unit set path = concat(?, substring(path, ?)) where path like ? and id <> ?""")
				.params(newPath, unit.path().length() + 1, unit.path() + "%", unit.id())
				.update();
		}
		return true;
	}

	Optional<Region> region(String code) {
		return this.jdbc.sql("select code, name, level, parent_code from region where code = ?")
			.param(code)
			.query(REGION)
			.optional();
	}

	List<Region> regions() {
		return this.jdbc.sql("select code, name, level, parent_code from region order by code").query(REGION).list();
	}

	void insertRegion(Region region) {
		this.jdbc.sql("insert into region (code, name, level, parent_code) values (?, ?, ?, ?)")
			.params(region.code(), region.name(), region.level().name(), region.parentCode())
			.update();
	}

}
