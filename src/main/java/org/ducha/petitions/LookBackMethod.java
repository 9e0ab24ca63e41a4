package org.ducha.petitions;

/** How a look-back (回头看) checks a closed case: 暗访, 现场核查 or 电话回访. */
public enum LookBackMethod {

	UNANNOUNCED_VISIT, ON_SITE_CHECK, PHONE_FOLLOW_UP

}
