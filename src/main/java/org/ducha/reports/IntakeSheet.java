package org.ducha.reports;

import java.util.List;

import org.ducha.petitions.NewPetition;

/**
 * The cases read from a batch workbook, each with the spreadsheet row it came from (rows
 * left blank are skipped, so the numbers need not be consecutive).
 */
public record IntakeSheet(List<NewPetition> petitions, List<Integer> rowNumbers) {

	public IntakeSheet {
		petitions = List.copyOf(petitions);
		rowNumbers = List.copyOf(rowNumbers);
	}

}
