package org.ducha.petitions.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.ducha.petitions.EvidenceFile;
import org.ducha.petitions.EvidenceFiles;
import org.ducha.petitions.HandlingReports;
import org.ducha.petitions.PetitionQueries;
import org.ducha.shared.FormErrors;
import org.ducha.shared.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
 * Evidence of a case: the list, the upload for the units taking part, and the download,
 * always as an attachment so that no uploaded file is ever shown inline by the browser.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class EvidenceController {

	private final EvidenceFiles evidence;

	private final HandlingReports reports;

	private final PetitionQueries petitions;

	private final MessageSource messages;

	EvidenceController(EvidenceFiles evidence, HandlingReports reports, PetitionQueries petitions,
			MessageSource messages) {
		this.evidence = evidence;
		this.reports = reports;
		this.petitions = petitions;
		this.messages = messages;
	}

	@GetMapping("/petitions/{id}/evidence")
	String list(@PathVariable long id, Model model) {
		return list(model, id, FormErrors.none());
	}

	@PostMapping("/petitions/{id}/evidence")
	@PreAuthorize("hasRole('HANDLER')")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Locale locale, Model model,
			RedirectAttributes redirect) {
		try (InputStream content = (file != null) ? file.getInputStream() : InputStream.nullInputStream()) {
			this.evidence.attach(id, (file != null) ? file.getOriginalFilename() : null, content);
			redirect.addFlashAttribute("banner", "handling.evidence.added");
			return "redirect:/petitions/" + id + "/evidence";
		}
		catch (RuleViolation ex) {
			return list(model, id, FormErrors.of(ex, this.messages, locale));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping("/petitions/{id}/evidence/{evidenceId}/withdraw")
	@PreAuthorize("hasRole('HANDLER')")
	String withdraw(@PathVariable long id, @PathVariable long evidenceId, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			EvidenceFile file = this.evidence.withdraw(id, evidenceId);
			redirect.addFlashAttribute("banner", "handling.evidence.withdrawn");
			redirect.addFlashAttribute("bannerArgs", List.of(file.fileName()));
			return "redirect:/petitions/" + id + "/evidence";
		}
		catch (RuleViolation ex) {
			return list(model, id, FormErrors.of(ex, this.messages, locale));
		}
	}

	private String list(Model model, long id, FormErrors errors) {
		model.addAttribute("petition", this.petitions.petition(id));
		model.addAttribute("handling", this.reports.overview(id));
		model.addAttribute("files", this.evidence.ofPetition(id));
		model.addAttribute("withdrawable", this.evidence.withdrawable(id));
		model.addAttribute("maxMegabytes", this.evidence.maxBytes() / (1024 * 1024));
		model.addAttribute("errors", errors);
		return "petitions/evidence";
	}

	@GetMapping("/evidence/{evidenceId}")
	ResponseEntity<Resource> download(@PathVariable long evidenceId) {
		EvidenceFiles.Download download = this.evidence.download(evidenceId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.file().contentType()))
			.contentLength(download.file().sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.file().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(new FileSystemResource(download.path()));
	}

}
