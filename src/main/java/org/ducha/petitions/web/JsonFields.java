package org.ducha.petitions.web;

import java.util.List;
import java.util.function.UnaryOperator;

import org.ducha.shared.InvalidInput;

/**
 * Problems named after the fields of the JSON request where a service names them after
 * the fields of its form.
 */
final class JsonFields {

	private JsonFields() {
	}

	/** The same problems, each field renamed by {@code rename}. */
	static InvalidInput renamed(InvalidInput invalid, UnaryOperator<String> rename) {
		return new InvalidInput(invalid.problems()
			.stream()
			.map((p) -> new InvalidInput.Problem((p.field() != null) ? rename.apply(p.field()) : null, p.code(),
					p.args()))
			.toList());
	}

	/**
	 * The {@code version} a write that changes a saved record must carry.
	 * @throws InvalidInput if the client sent none
	 */
	static long requiredVersion(Long version) {
		if (version == null) {
			throw new InvalidInput(List.of(new InvalidInput.Problem("version", "api.version.required")));
		}
		return version;
	}

}
