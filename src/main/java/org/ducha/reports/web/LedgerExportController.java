package org.ducha.reports.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.ducha.petitions.LedgerFilter;
import org.ducha.petitions.LedgerSort;
import org.ducha.reports.LedgerExport;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger as an Excel file: the same filters and order as the ledger page, all pages,
 * within the reader's scope.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','HANDLER','LEADER')")
class LedgerExportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final LedgerExport export;

	LedgerExportController(LedgerExport export) {
		this.export = export;
	}

	@GetMapping("/ledger.xlsx")
	void export(LedgerFilter filter, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, HttpServletResponse response) throws IOException {
		try (LedgerExport.LedgerWorkbook workbook = this.export.workbook(filter, LedgerSort.of(sort, dir))) {
			response.setContentType(XLSX);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, this.export.contentDisposition());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			workbook.writeTo(response.getOutputStream());
		}
	}

}
