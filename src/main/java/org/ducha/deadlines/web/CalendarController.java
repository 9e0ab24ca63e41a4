package org.ducha.deadlines.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ducha.deadlines.CalendarDay;
import org.ducha.deadlines.DeadlineClocks;
import org.ducha.deadlines.WorkingCalendar;
import org.ducha.deadlines.WorkingCalendars;
import org.ducha.journal.JournalQueries;
import org.ducha.shared.FormErrors;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.NotFound;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working calendar: a year's holidays and make-up working days, and the form with
 * which an administrator loads the schedule of a new year.
 */
@Controller
@PreAuthorize("hasAnyRole('SECADMIN','SYSADMIN')")
class CalendarController {

	private final WorkingCalendars calendars;

	private final DeadlineClocks clocks;

	private final JournalQueries journal;

	private final MessageSource messages;

	private final Clock clock;

	CalendarController(WorkingCalendars calendars, DeadlineClocks clocks, JournalQueries journal,
			MessageSource messages, Clock clock) {
		this.calendars = calendars;
		this.clocks = clocks;
		this.journal = journal;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String showYear(@RequestParam(required = false) Integer year, Model model) {
		int shown = (year != null) ? year : LocalDate.now(this.clock).getYear();
		if (shown < 1 || shown > 9998) {
			throw new NotFound("calendar year", year);
		}
		WorkingCalendar calendar = this.calendars.current();
		List<CalendarDay> days = calendar.daysOf(shown);
		model.addAttribute("year", shown);
		model.addAttribute("loaded", calendar.isLoaded(shown));
		model.addAttribute("months", MonthGrid.year(shown, calendar));
		model.addAttribute("holidays", HolidayPeriod.of(days));
		model.addAttribute("makeUpDays",
				days.stream().filter((day) -> day.kind() == CalendarDay.Kind.WORKDAY).map(CalendarDay::date).toList());
		model.addAttribute("years", this.calendars.years());
		model.addAttribute("history", this.journal.historyOf("calendar", shown));
		List<YearNeeded> needed = YearNeeded.of(this.clocks.runningByYearNotLoaded(), calendar);
		model.addAttribute("yearsNeeded", needed);
		model.addAttribute("yearsMissing", needed.stream().filter((y) -> !y.loadedSince()).toList());
		return "deadlines/calendar";
	}

	@GetMapping("/calendar/new")
	String initCreationForm(Model model) {
		int next = this.calendars.current()
			.loadedYears()
			.stream()
			.mapToInt(Integer::intValue)
			.max()
			.orElse(LocalDate.now(this.clock).getYear() - 1) + 1;
		return form(model, new CalendarForm(String.valueOf(next), "", ""), FormErrors.none());
	}

	@PostMapping("/calendar")
	String processCreationForm(CalendarForm form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			int year = form.yearNumber();
			this.calendars.addYear(year, lines(form.holidays()), lines(form.makeUpDays()));
			redirect.addFlashAttribute("banner", "calendar.added");
			redirect.addFlashAttribute("bannerArgs", new Object[] { String.valueOf(year) });
			return "redirect:/calendar?year=" + year;
		}
		catch (RuleViolation ex) {
			return form(model, form, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String form(Model model, CalendarForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "deadlines/calendar-form";
	}

	private static List<String> lines(String text) {
		return (text != null) ? text.lines().toList() : List.of();
	}

	/**
	 * A year that running deadlines needed but that was not loaded when they were
	 * computed.
	 *
	 * @param clocks how many running clocks missed it
	 * @param loadedSince whether it has been loaded since (their due instants stay as
	 * computed)
	 */
	record YearNeeded(int year, long clocks, boolean loadedSince) {

		static List<YearNeeded> of(Map<Integer, Long> counts, WorkingCalendar calendar) {
			return counts.entrySet()
				.stream()
				.map((e) -> new YearNeeded(e.getKey(), e.getValue(), calendar.isLoaded(e.getKey())))
				.toList();
		}

	}

	/**
	 * What the form submits: the year as typed, and the two text areas.
	 */
	record CalendarForm(String year, String holidays, String makeUpDays) {

		int yearNumber() {
			String typed = (this.year != null) ? this.year.strip() : "";
			if (typed.isEmpty()) {
				throw yearProblem("calendar.year.missing");
			}
			if (!typed.matches("[0-9]{1,4}")) {
				throw yearProblem("calendar.year.notANumber", typed);
			}
			return Integer.parseInt(typed);
		}

		private static InvalidInput yearProblem(String code, Object... args) {
			return new InvalidInput(List.of(new InvalidInput.Problem("year", code, args)));
		}

	}

}
