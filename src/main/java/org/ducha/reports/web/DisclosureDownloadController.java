package org.ducha.reports.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.ducha.disclosure.Disclosures;
import org.ducha.disclosure.PublishedTable;
import org.ducha.reports.DisclosureWorkbook;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A published disclosure table as Excel; public, like the page. */
@Controller
class DisclosureDownloadController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Disclosures disclosures;

	private final DisclosureWorkbook workbook;

	DisclosureDownloadController(Disclosures disclosures, DisclosureWorkbook workbook) {
		this.disclosures = disclosures;
		this.workbook = workbook;
	}

	@GetMapping("/public/disclosures/{id}.xlsx")
	void download(@PathVariable long id, HttpServletResponse response) throws IOException {
		PublishedTable table = this.disclosures.table(id);
		String name = table.title() + "-第" + table.version() + "版.xlsx";
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"disclosure-" + id
				+ ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		this.workbook.write(table, response.getOutputStream());
	}

}
