package org.ducha.accounts;

/** What kind of organisation a unit is. */
public enum UnitKind {

	/** An inspection office (督察办 / 迎检办). */
	OFFICE,
	/** A people's government (人民政府) of a city or county. */
	GOVERNMENT,
	/** A department (部门) such as the ecology and environment bureau. */
	DEPARTMENT,
	/** A township, town or sub-district (乡镇街道). */
	TOWNSHIP

}
