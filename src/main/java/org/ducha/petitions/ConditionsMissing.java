package org.ducha.petitions;

import java.util.List;

import org.ducha.shared.InvalidInput;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A case cannot close because some of its six conditions are neither met nor waived. One
 * problem per missing condition, named and with its reason, tied to the field
 * {@code condition-<CONDITION>} so that an error summary links to it.
 */
public class ConditionsMissing extends InvalidInput {

	private final String receiptNumber;

	private final List<ClosureCondition> missing;

	ConditionsMissing(String receiptNumber, List<SixConditions.Gap> gaps) {
		super(gaps.stream()
			.map((gap) -> new Problem("condition-" + gap.condition().name(), "closure.missing",
					Refusal.term("condition.", gap.condition()),
					new DefaultMessageSourceResolvable(new String[] { gap.reasonCode() }, gap.args(),
							gap.reasonCode())))
			.toList());
		this.receiptNumber = receiptNumber;
		this.missing = gaps.stream().map(SixConditions.Gap::condition).toList();
	}

	/** The conditions that stop the case from closing, in the order of the six. */
	public List<ClosureCondition> missing() {
		return this.missing;
	}

	@Override
	public String getMessage() {
		return "cannot close " + this.receiptNumber + ": conditions missing " + this.missing;
	}

}
