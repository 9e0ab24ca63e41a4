package org.ducha.reports.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.ducha.petitions.ImportOutcome;
import org.ducha.petitions.IntakeInProgress;
import org.ducha.petitions.IntakeProblem;
import org.ducha.petitions.IntakeRejected;
import org.ducha.reports.BatchIntake;
import org.ducha.reports.IntakeTemplate;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office imports a transferred batch from the team's workbook, and downloads the
 * template for it.
 */
@Controller
@PreAuthorize("hasRole('OFFICE')")
class IntakeController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final BatchIntake intake;

	private final IntakeTemplate template;

	private final ImportPage page;

	private final MessageSource messages;

	IntakeController(BatchIntake intake, IntakeTemplate template, ImportPage page, MessageSource messages) {
		this.intake = intake;
		this.template = template;
		this.page = page;
		this.messages = messages;
	}

	@GetMapping("/batches/{id}/import")
	String initImportForm(@PathVariable long id, Locale locale, Model model) {
		return this.page.show(id, model, List.of(), locale);
	}

	@PostMapping("/batches/{id}/import")
	String processImportForm(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			Locale locale, Model model, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			return this.page.show(id, model, List.of(new IntakeProblem(0, null, null, "intake.file.missing")), locale);
		}
		try (InputStream in = file.getInputStream()) {
			ImportOutcome outcome = this.intake.importWorkbook(id, in, file.getSize());
			redirect.addFlashAttribute("banner", "intake.imported");
			redirect.addFlashAttribute("bannerArgs",
					new Object[] { outcome.imported().size(), outcome.unchanged().size() });
			return "redirect:/batches/" + id;
		}
		catch (IntakeRejected ex) {
			return this.page.show(id, model, ex.problems(), locale);
		}
		catch (IntakeInProgress ex) {
			return this.page.show(id, model, List.of(new IntakeProblem(0, null, null, ex.code(), ex.args())), locale);
		}
	}

	@GetMapping("/intake-template.xlsx")
	ResponseEntity<byte[]> template(Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.template.write(out, locale);
		String name = this.messages.getMessage("intake.template.fileName", null, locale);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

}
