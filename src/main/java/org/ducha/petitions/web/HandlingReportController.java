package org.ducha.petitions.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.ducha.petitions.Completion;
import org.ducha.petitions.HandlingReport;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.Petition;
import org.ducha.petitions.PetitionQueries;
import org.ducha.petitions.ReportEdit;
import org.ducha.petitions.ReportStatus;
import org.ducha.petitions.Verdict;
import org.ducha.shared.DateDisplay;
import org.ducha.shared.EditConflict;
import org.ducha.shared.FormErrors;
import org.ducha.shared.InvalidInput;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handling report of a case, one step per page: the lead unit writes its draft,
 * checks its answers and submits; the office reviews and approves or returns it; anyone
 * who may read the case reads any version and what changed; co-units contribute.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class HandlingReportController {

	private final HandlingReports reports;

	private final PetitionQueries petitions;

	private final MessageSource messages;

	private final DateDisplay dates;

	HandlingReportController(HandlingReports reports, PetitionQueries petitions, MessageSource messages,
			DateDisplay dates) {
		this.reports = reports;
		this.petitions = petitions;
		this.messages = messages;
		this.dates = dates;
	}

	@GetMapping("/petitions/{id}/report")
	@PreAuthorize("hasRole('HANDLER')")
	String initReportForm(@PathVariable long id, Model model) {
		ReportEdit edit = this.reports.edit(id);
		return form(model, id, edit, ReportForm.of(edit.content()), edit.rowVersion(), null, FormErrors.none());
	}

	@PostMapping("/petitions/{id}/report")
	@PreAuthorize("hasRole('HANDLER')")
	String processReportForm(@PathVariable long id, ReportForm form, @RequestParam(required = false) Long rowVersion,
			@RequestParam(defaultValue = "save") String next, Locale locale, Model model, RedirectAttributes redirect) {
		HandlingReport saved;
		try {
			saved = this.reports.saveDraft(id, rowVersion, form.toDraft());
		}
		catch (RuleViolation ex) {
			return formAgain(model, id, form, rowVersion, ex, locale, redirect);
		}
		if (!"check".equals(next)) {
			redirect.addFlashAttribute("banner", "handling.report.saved");
			return "redirect:/petitions/" + id + "/report";
		}
		try {
			this.reports.checkReadyToSubmit(id);
			return "redirect:/petitions/" + id + "/report/check";
		}
		catch (InvalidInput ex) {
			return form(model, id, this.reports.edit(id), ReportForm.of(saved.content()), saved.rowVersion(), null,
					FormErrors.of(ex, this.messages, locale));
		}
	}

	/**
	 * Shows the form again with what the user typed and the problem. After an edit
	 * conflict the form carries the row version now saved, and the page shows the text
	 * someone else saved beside the user's, so that nothing is lost and saving again is a
	 * choice made with both in sight. When the report can no longer be edited at all
	 * (submitted meanwhile), the case page says why.
	 * @param form what the user typed, or {@code null} to show the saved draft
	 */
	private String formAgain(Model model, long id, ReportForm form, Long rowVersion, RuleViolation problem,
			Locale locale, RedirectAttributes redirect) {
		ReportEdit current;
		try {
			current = this.reports.edit(id);
		}
		catch (RuleViolation notEditable) {
			redirect.addFlashAttribute("banner", notEditable.code());
			redirect.addFlashAttribute("bannerArgs", notEditable.args());
			return "redirect:/petitions/" + id;
		}
		FormErrors errors = FormErrors.of(problem, this.messages, locale);
		ReportForm shown = (form != null) ? form : ReportForm.of(current.content());
		if (problem instanceof EditConflict) {
			HandlingReport theirs = (current.rowVersion() != null) ? this.reports.version(id, current.versionNumber())
					: null;
			return form(model, id, current, shown, current.rowVersion(), theirs, errors);
		}
		return form(model, id, current, shown, (form != null) ? rowVersion : current.rowVersion(), null, errors);
	}

	private String form(Model model, long id, ReportEdit edit, ReportForm form, Long rowVersion, HandlingReport theirs,
			FormErrors errors) {
		model.addAttribute("petition", this.petitions.petition(id));
		model.addAttribute("edit", edit);
		model.addAttribute("form", form);
		model.addAttribute("rowVersion", rowVersion);
		model.addAttribute("theirs", theirs);
		model.addAttribute("errors", errors);
		model.addAttribute("verdicts", Verdict.values());
		model.addAttribute("completions", Completion.values());
		return "petitions/report-form";
	}

	@GetMapping("/petitions/{id}/report/check")
	@PreAuthorize("hasRole('HANDLER')")
	String checkAnswers(@PathVariable long id, Locale locale, Model model) {
		try {
			return check(model, id, this.reports.checkReadyToSubmit(id), FormErrors.none());
		}
		catch (InvalidInput ex) {
			ReportEdit edit = this.reports.edit(id);
			return form(model, id, edit, ReportForm.of(edit.content()), edit.rowVersion(), null,
					FormErrors.of(ex, this.messages, locale));
		}
	}

	@PostMapping("/petitions/{id}/report/submit")
	@PreAuthorize("hasRole('HANDLER')")
	String submit(@PathVariable long id, @RequestParam(required = false) Long rowVersion, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.reports.submit(id, (rowVersion != null) ? rowVersion : -1);
			redirect.addFlashAttribute("banner", "handling.report.submitted");
			return "redirect:/petitions/" + id;
		}
		catch (RuleViolation ex) {
			return formAgain(model, id, null, rowVersion, ex, locale, redirect);
		}
	}

	private String check(Model model, long id, HandlingReport draft, FormErrors errors) {
		model.addAttribute("petition", this.petitions.petition(id));
		model.addAttribute("report", draft);
		model.addAttribute("errors", errors);
		return "petitions/report-check";
	}

	@GetMapping("/petitions/{id}/review")
	@PreAuthorize("hasRole('OFFICE')")
	String initReview(@PathVariable long id, Model model) {
		return review(model, id, FormErrors.none());
	}

	@PostMapping("/petitions/{id}/review/approve")
	@PreAuthorize("hasRole('OFFICE')")
	String approve(@PathVariable long id, @RequestParam(required = false) Long rowVersion,
			@RequestParam(required = false) String comment, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.reports.approve(id, (rowVersion != null) ? rowVersion : -1, comment);
			redirect.addFlashAttribute("banner", "handling.review.approved");
			return "redirect:/petitions/" + id;
		}
		catch (RuleViolation ex) {
			// The approval's remark is sent as "comment", like the return's comment
			// beside
			// it on the page: show its problem and what was typed in the approval form.
			model.addAttribute("remark", comment);
			return review(model, id, FormErrors.of(ex, this.messages, locale).renamed("comment", "remark"));
		}
	}

	@PostMapping("/petitions/{id}/review/return")
	@PreAuthorize("hasRole('OFFICE')")
	String returnForSupplement(@PathVariable long id, @RequestParam(required = false) Long rowVersion,
			@RequestParam(required = false) String comment, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Instant due = this.reports.returnForSupplement(id, (rowVersion != null) ? rowVersion : -1, comment);
			redirect.addFlashAttribute("banner", "handling.review.returned");
			redirect.addFlashAttribute("bannerArgs", new Object[] { this.dates.dateTime(due) });
			return "redirect:/petitions/" + id;
		}
		catch (RuleViolation ex) {
			model.addAttribute("comment", comment);
			return review(model, id, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String review(Model model, long id, FormErrors errors) {
		Petition petition = this.petitions.petition(id);
		List<HandlingReport> versions = this.reports.versions(id);
		HandlingReport latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
		model.addAttribute("petition", petition);
		model.addAttribute("report", latest);
		model.addAttribute("awaiting", latest != null && latest.status() == ReportStatus.SUBMITTED);
		model.addAttribute("changes", (latest != null && latest.versionNumber() > 1)
				? this.reports.changes(id, latest.versionNumber() - 1, latest.versionNumber()) : null);
		model.addAttribute("contributions", this.reports.contributions(id));
		model.addAttribute("errors", errors);
		return "petitions/report-review";
	}

	@GetMapping("/petitions/{id}/reports/{version}")
	String showVersion(@PathVariable long id, @PathVariable int version,
			@RequestParam(required = false) Integer compare, Model model) {
		HandlingReport report = this.reports.version(id, version);
		List<HandlingReport> versions = this.reports.versions(id);
		int other = (compare != null) ? compare : version - 1;
		model.addAttribute("petition", this.petitions.petition(id));
		model.addAttribute("report", report);
		model.addAttribute("versions", versions);
		model.addAttribute("changes", (other >= 1 && other != version)
				? this.reports.changes(id, Math.min(other, version), Math.max(other, version)) : null);
		return "petitions/report-version";
	}

	@GetMapping("/petitions/{id}/contributions")
	String contributions(@PathVariable long id, Model model) {
		return contributions(model, id, null, FormErrors.none());
	}

	@PostMapping("/petitions/{id}/contributions")
	@PreAuthorize("hasRole('HANDLER')")
	String addContribution(@PathVariable long id, @RequestParam(required = false) String text, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			this.reports.addContribution(id, text);
			redirect.addFlashAttribute("banner", "handling.contribution.added");
			return "redirect:/petitions/" + id + "/contributions";
		}
		catch (RuleViolation ex) {
			return contributions(model, id, text, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String contributions(Model model, long id, String text, FormErrors errors) {
		model.addAttribute("petition", this.petitions.petition(id));
		model.addAttribute("handling", this.reports.overview(id));
		model.addAttribute("contributions", this.reports.contributions(id));
		model.addAttribute("text", text);
		model.addAttribute("errors", errors);
		return "petitions/contributions";
	}

}
