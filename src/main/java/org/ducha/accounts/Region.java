package org.ducha.accounts;

/** An administrative division. */
public record Region(String code, String name, RegionLevel level, String parentCode) {

}
