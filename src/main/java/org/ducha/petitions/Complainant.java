package org.ducha.petitions;

/**
 * Who complained, as the office may see it. Everybody else sees {@link #masked()}.
 */
public record Complainant(String name, String phone) {

	public boolean given() {
		return (this.name != null && !this.name.isBlank()) || (this.phone != null && !this.phone.isBlank());
	}

	/**
	 * The surname initial and no digit at all: a handler learns that someone complained,
	 * never who, because the reported party may be a neighbour.
	 */
	public Complainant masked() {
		return new Complainant(maskName(this.name), maskPhone(this.phone));
	}

	static String maskName(String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		String stripped = name.strip();
		return stripped.substring(0, stripped.offsetByCodePoints(0, 1)) + "**";
	}

	static String maskPhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		return "***********";
	}

}
