package org.ducha.accounts;

import java.util.regex.Pattern;

import org.ducha.shared.RuleViolation;

/**
 * An administrative division code (行政区划代码, GB/T 2260): six digits, or nine or twelve for
 * townships and villages.
 */
public record RegionCode(String value) {

	private static final Pattern FORM = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

	public RegionCode {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new RuleViolation("region.code.invalid", String.valueOf(value));
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode((value != null) ? value.strip() : null);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
