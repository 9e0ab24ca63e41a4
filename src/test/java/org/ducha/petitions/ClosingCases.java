package org.ducha.petitions;

import java.time.Clock;
import java.util.List;

import org.ducha.testing.Cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases brought to the point a closure test starts from, with the office signed in.
 * Handling reports and their review are another feature's work: a case reaches APPROVED
 * here by plain SQL after it is registered and assigned, as if its report had been
 * submitted and approved.
 */
record ClosingCases(PetitionManagement petitions, Closures closures, PetitionClocks clocks, JdbcClient jdbc,
		TransactionTemplate transaction, Clock clock) {

	long unitId(String name) {
		return this.jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * An air complaint registered in the batch and assigned to the environment bureau.
	 */
	long assigned(long batchId, String receiptNumber) {
		long id = this.petitions.register(batchId, Cases.airComplaint(receiptNumber, this.clock.instant()));
		this.petitions.assign(id, 0, unitId("萍乡市生态环境局"), List.of(), List.of(unitId("湘东区人民政府")));
		return id;
	}

	/**
	 * An assigned case whose report was submitted (its report clock stops, as the report
	 * feature does) and approved (by SQL, standing in for the review).
	 */
	long approved(long batchId, String receiptNumber) {
		long id = assigned(batchId, receiptNumber);
		this.transaction.executeWithoutResult((status) -> this.clocks.reportSubmitted(id, this.clock.instant()));
		this.jdbc.sql("update petition set status = 'APPROVED', verdict = 'TRUE', completion = 'CLOSED' where id = ?")
			.param(id)
			.update();
		return id;
	}

	/**
	 * Settles every condition but the ones given: a follow-up answered 满意, notes for the
	 * rest.
	 */
	void settleAllBut(long id, ClosureCondition... left) {
		List<ClosureCondition> open = List.of(left);
		for (ClosureCondition condition : ClosureCondition.values()) {
			if (open.contains(condition)) {
				continue;
			}
			if (condition == ClosureCondition.PUBLIC_SATISFIED) {
				this.closures.recordSatisfaction(id, SatisfactionAnswer.SATISFIED, FollowUpMethod.PHONE, "对处理结果满意");
			}
			else {
				this.closures.recordMet(id, condition, "经现场核查：" + condition.name());
			}
		}
	}

	/** An approved case with all six conditions settled, closed. */
	long closed(long batchId, String receiptNumber) {
		long id = approved(batchId, receiptNumber);
		settleAllBut(id);
		this.closures.close(id, version(id));
		return id;
	}

	long version(long id) {
		return this.jdbc.sql("select version from petition where id = ?").param(id).query(Long.class).single();
	}

	String status(long id) {
		return this.jdbc.sql("select status from petition where id = ?").param(id).query(String.class).single();
	}

}
