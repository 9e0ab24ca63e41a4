package org.ducha.petitions;

/** How the office followed up with the complainant: by phone, at home, or on site. */
public enum FollowUpMethod {

	PHONE, HOME_VISIT, ON_SITE

}
