package org.ducha.deadlines.web;

import org.ducha.shared.FormErrors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The calendar pages, rendered in the shared layout. The tests share one database, so
 * each adds its own year.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "SECADMIN")
class CalendarControllerTest {

	@Autowired
	private MockMvc mvc;

	@Test
	void yearPageListsTheHolidaysOfThatYear() throws Exception {
		this.mvc.perform(get("/calendar").param("year", "2026"))
			.andExpect(view().name("deadlines/calendar"))
			.andExpect(model().attribute("holidays", hasSize(7)));
	}

	@Test
	void yearPageRendersInChinese() throws Exception {
		this.mvc.perform(get("/calendar").param("year", "2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026年节假日安排")));
	}

	@Test
	void yearPageShowsTwelveMonths() throws Exception {
		this.mvc.perform(get("/calendar").param("year", "2026")).andExpect(model().attribute("months", hasSize(12)));
	}

	@Test
	void yearNotLoadedIsSaidInTheUsersLanguage() throws Exception {
		this.mvc.perform(get("/calendar").param("year", "2040").param("lang", "en"))
			.andExpect(content().string(containsString("The schedule for 2040 is not loaded.")));
	}

	@Test
	@WithMockUser(roles = "OFFICE")
	void calendarIsClosedToOfficeStaff() throws Exception {
		this.mvc.perform(get("/calendar")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "SYSADMIN")
	void formIsOpenToTheSystemAdministrator() throws Exception {
		this.mvc.perform(get("/calendar/new"))
			.andExpect(status().isOk())
			.andExpect(view().name("deadlines/calendar-form"));
	}

	@Test
	void addedYearLeadsToItsPageWithABanner() throws Exception {
		this.mvc
			.perform(post("/calendar").with(csrf())
				.param("year", "2035")
				.param("holidays", "2035-01-01 元旦\r\n2035-02-07..2035-02-13 春节\r\n")
				.param("makeUpDays", "2035-02-17\r\n"))
			.andExpect(redirectedUrl("/calendar?year=2035"))
			.andExpect(flash().attribute("banner", "calendar.added"));
	}

	@Test
	void bannerNamesTheAddedYear() throws Exception {
		MvcResult added = this.mvc
			.perform(post("/calendar").with(csrf()).param("year", "2036").param("holidays", "2036-01-01 元旦"))
			.andReturn();

		// The flash attributes live in the session, which the cookie names.
		this.mvc.perform(get(added.getResponse().getRedirectedUrl()).cookie(added.getResponse().getCookies()))
			.andExpect(content().string(containsString("已加载2036年的节假日安排")));
	}

	@Test
	void invalidScheduleIsShownAgainWithEveryProblemByField() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/calendar").with(csrf())
				.param("year", "2037")
				.param("holidays", "2037-02-30 春节")
				.param("makeUpDays", "2037/1/3"))
			.andExpect(view().name("deadlines/calendar-form"))
			.andReturn();

		assertThat(errorsOf(result).all()).extracting(FormErrors.Error::field)
			.containsExactly("holidays", "makeUpDays");
	}

	@Test
	void invalidScheduleShowsAnErrorSummaryLinkingToTheField() throws Exception {
		this.mvc
			.perform(post("/calendar").with(csrf())
				.param("year", "2037")
				.param("holidays", "2037-02-30 春节")
				.param("makeUpDays", ""))
			.andExpect(content().string(containsString("href=\"#holidays\"")));
	}

	@Test
	void problemIsExplainedBesideItsFieldInTheUsersLanguage() throws Exception {
		this.mvc
			.perform(post("/calendar").with(csrf())
				.param("lang", "en")
				.param("year", "2037")
				.param("holidays", "2037-01-01 元旦")
				.param("makeUpDays", "2037-01-05"))
			.andExpect(content().string(containsString("2037-01-05 is a weekday and is worked anyway")));
	}

	@Test
	void yearThatIsNotANumberIsAProblemOfTheYearField() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/calendar").with(csrf())
				.param("year", "二〇三八")
				.param("holidays", "2038-01-01 元旦")
				.param("makeUpDays", ""))
			.andReturn();

		assertThat(errorsOf(result).all()).extracting(FormErrors.Error::field).containsExactly("year");
	}

	private static FormErrors errorsOf(MvcResult result) {
		return (FormErrors) result.getModelAndView().getModel().get("errors");
	}

}
