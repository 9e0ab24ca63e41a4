package org.ducha.accounts;

/** Administrative level of a region. */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY, TOWNSHIP

}
