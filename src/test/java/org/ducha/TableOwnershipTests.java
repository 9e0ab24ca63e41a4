package org.ducha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature owns the tables its migrations create ({@code V<n>__<feature>.sql}) and no
 * other feature's code names them in SQL: features talk through each other's services,
 * never through each other's tables. Spring Modulith checks the classes; this checks the
 * SQL.
 */
class TableOwnershipTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path SOURCES = Path.of("src/main/java/org/ducha");

	private static final Pattern CREATE_TABLE = Pattern.compile("create table (\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern MIGRATION_NAME = Pattern.compile("V\\d+__(\\w+)\\.sql");

	/**
	 * Tables whose owner is not a feature package (Spring Session's, used through the
	 * library).
	 */
	private static final Map<String, String> OWNER_ALIASES = Map.of("sessions", "web");

	static Map<String, String> tableOwners() throws IOException {
		Map<String, String> owners = new HashMap<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				Matcher name = MIGRATION_NAME.matcher(file.getFileName().toString());
				if (!name.matches()) {
					continue;
				}
				String owner = OWNER_ALIASES.getOrDefault(name.group(1), name.group(1));
				Matcher table = CREATE_TABLE.matcher(Files.readString(file));
				while (table.find()) {
					owners.put(table.group(1).toLowerCase(Locale.ROOT), owner);
				}
			}
		}
		return owners;
	}

	static List<String> trespasses(Map<String, String> owners, String feature, String source, String file) {
		List<String> found = new ArrayList<>();
		for (Map.Entry<String, String> table : owners.entrySet()) {
			if (table.getValue().equals(feature)) {
				continue;
			}
			Pattern use = Pattern.compile("(?i)\\b(from|join|into|update|table)\\s+" + table.getKey() + "\\b");
			if (use.matcher(source).find()) {
				found.add(file + " (" + feature + ") uses table " + table.getKey() + " of " + table.getValue());
			}
		}
		return found;
	}

	@Test
	void everyTableHasAnOwner() throws IOException {
		assertThat(tableOwners()).containsKeys("journal_entry", "unit", "app_user", "calendar_day");
	}

	@Test
	void noFeatureNamesAnotherFeaturesTablesInSql() throws IOException {
		Map<String, String> owners = tableOwners();
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				found.addAll(trespasses(owners, relative.getName(0).toString(), Files.readString(file),
						relative.toString()));
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theCheckCatchesAFeatureReadingAnotherFeaturesTable() throws IOException {
		String offending = "jdbc.sql(\"select id from unit u join app_user a on a.unit_id = u.id\")";
		assertThat(trespasses(tableOwners(), "deadlines", offending, "Example.java")).hasSize(2);
		assertThat(trespasses(tableOwners(), "accounts", offending, "Example.java")).isEmpty();
	}

}
