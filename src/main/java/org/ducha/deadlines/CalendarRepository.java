package org.ducha.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the working calendar's tables. */
@Repository
class CalendarRepository {

	private final JdbcClient jdbc;

	CalendarRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	WorkingCalendar load() {
		List<Integer> years = loadedYears();
		List<CalendarDay> days = this.jdbc.sql("select calendar_date, kind, name from calendar_day")
			.query((rs, row) -> new CalendarDay(rs.getObject("calendar_date", LocalDate.class),
					CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getString("name")))
			.list();
		return WorkingCalendar.of(years, days);
	}

	List<CalendarYear> years() {
		return this.jdbc.sql("select year_number, added_by, added_at from calendar_year order by year_number")
			.query((rs, row) -> new CalendarYear(rs.getInt("year_number"), rs.getString("added_by"),
					rs.getObject("added_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	List<Integer> loadedYears() {
		return this.jdbc.sql("select year_number from calendar_year").query(Integer.class).list();
	}

	/**
	 * Inserts the year and its days; a year already there fails on the primary key.
	 */
	void insert(YearSchedule schedule, String addedBy, Instant addedAt) {
		this.jdbc.sql("insert into calendar_year (year_number, added_by, added_at) values (?, ?, ?)")
			.params(schedule.year(), addedBy, addedAt.atOffset(ZoneOffset.UTC))
			.update();
		for (CalendarDay day : schedule.days()) {
			this.jdbc.sql("insert into calendar_day (calendar_date, year_number, kind, name) values (?, ?, ?, ?)")
				.params(day.date(), schedule.year(), day.kind().name(), day.name())
				.update();
		}
	}

}
