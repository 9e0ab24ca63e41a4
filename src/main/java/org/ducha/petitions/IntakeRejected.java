package org.ducha.petitions;

import java.util.List;

import org.ducha.shared.RuleViolation;

/**
 * An import that was refused as a whole, with every problem found; nothing was written.
 */
public class IntakeRejected extends RuleViolation {

	private final transient List<IntakeProblem> problems;

	public IntakeRejected(List<IntakeProblem> problems) {
		super("intake.rejected", problems.size());
		this.problems = List.copyOf(problems);
	}

	public List<IntakeProblem> problems() {
		return this.problems;
	}

}
