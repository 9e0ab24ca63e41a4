package org.ducha.petitions;

/**
 * The fields of a transferred case, with the column heading the inspection teams' sheets
 * use for each (the import template has exactly these columns, in this order).
 */
public enum IntakeField {

	RECEIPT_NUMBER("受理编号", true), TRANSFERRED_AT("交办时间", true), CHANNEL("来源", true), COMPLAINT("举报内容", true),
	REPORTED_OBJECT("被举报对象", false), ADDRESS("地址", false), REGIONS("行政区域", true), POLLUTION_TYPES("污染类型", false),
	PRIORITY("重点/普通", true), REPEAT("重复件", false), REPEAT_OF("重复件受理编号", false), COMPLAINANT_NAME("举报人姓名", false),
	COMPLAINANT_PHONE("举报人电话", false);

	private final String heading;

	private final boolean required;

	IntakeField(String heading, boolean required) {
		this.heading = heading;
		this.required = required;
	}

	/** The column heading in the import template. */
	public String heading() {
		return this.heading;
	}

	public boolean required() {
		return this.required;
	}

	/**
	 * The name of the matching field in the hand-entry form, e.g. {@code receiptNumber}.
	 */
	public String formField() {
		String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
		StringBuilder name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
	}

}
