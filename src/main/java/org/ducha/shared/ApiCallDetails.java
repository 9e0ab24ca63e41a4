package org.ducha.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of an authentication made by a JSON API call with HTTP Basic credentials.
 * Every such call authenticates afresh, so it is not a sign-in: failures still count
 * towards the lockout and go to the security log, successes do not fill it.
 */
public class ApiCallDetails extends WebAuthenticationDetails {

	public ApiCallDetails(HttpServletRequest request) {
		super(request);
	}

}
