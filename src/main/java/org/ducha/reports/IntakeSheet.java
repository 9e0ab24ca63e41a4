package org.ducha.reports;

import java.util.List;

import org.ducha.petitions.IntakeProblem;
import org.ducha.petitions.NewPetition;

/**
 * The cases read from a batch workbook, each with the spreadsheet row it came from (rows
 * left blank are skipped, so the numbers need not be consecutive), and the problems of
 * its headings and cells. A cell with a problem leaves its field empty in the case.
 */
public record IntakeSheet(List<NewPetition> petitions, List<Integer> rowNumbers, List<IntakeProblem> problems) {

	public IntakeSheet {
		petitions = List.copyOf(petitions);
		rowNumbers = List.copyOf(rowNumbers);
		problems = List.copyOf(problems);
	}

}
