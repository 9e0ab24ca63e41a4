package org.ducha.petitions.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ducha.shared.InvalidInput;

/**
 * A value from a closed list as a JSON client writes it: the constant's name in any case,
 * or, for verdict and completion, also the officials' own term (属实, 阶段性办结), so that a
 * script fed from a spreadsheet needs no table of its own. A value that is none of these
 * is a problem with its field, told like any other; a missing one is left to the service,
 * which knows whether it is required.
 */
final class Choices {

	private Choices() {
	}

	/** The constant named {@code value}, ignoring case. */
	static <E extends Enum<E>> E of(Class<E> type, String field, String value, InvalidInput.Collector problems) {
		return of(type, field, value,
				(v) -> Arrays.stream(type.getEnumConstants()).filter((e) -> e.name().equalsIgnoreCase(v)).findFirst(),
				problems);
	}

	/** The constant {@code parse} reads from {@code value}. */
	static <E extends Enum<E>> E of(Class<E> type, String field, String value, Function<String, Optional<E>> parse,
			InvalidInput.Collector problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Optional<E> parsed = parse.apply(value.strip());
		if (parsed.isEmpty()) {
			problems.add(field, "api.choice.unknown", value,
					Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
			return null;
		}
		return parsed.get();
	}

}
