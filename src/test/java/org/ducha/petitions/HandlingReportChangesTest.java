package org.ducha.petitions;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparing report versions: sentence by sentence for texts, value by value otherwise.
 */
class HandlingReportChangesTest {

	@Test
	void aTextIsComparedSentenceBySentence() {
		List<ReportChanges.Line> lines = TextDiff.between("经调查，举报属实。企业已停产。", "经调查，举报属实。企业已停产整改。已立案处罚。");
		assertThat(lines).containsExactly(new ReportChanges.Line(ReportChanges.Kind.KEPT, "经调查，举报属实。"),
				new ReportChanges.Line(ReportChanges.Kind.REMOVED, "企业已停产。"),
				new ReportChanges.Line(ReportChanges.Kind.ADDED, "企业已停产整改。"),
				new ReportChanges.Line(ReportChanges.Kind.ADDED, "已立案处罚。"));
	}

	@Test
	void onlyChangedFieldsAreListed() {
		HandlingReport before = version(1, "经调查，举报属实。", Verdict.TRUE, 0);
		HandlingReport after = version(2, "经调查，举报属实。", Verdict.PARTLY_TRUE, 2);
		ReportChanges changes = HandlingReports.changes(before, after);
		assertThat(changes.fields()).extracting(ReportChanges.FieldChange::field)
			.containsExactly("verdict", "personsAccountable");
		assertThat(changes.fields().get(0).before()).isEqualTo("TRUE");
		assertThat(changes.fields().get(0).after()).isEqualTo("PARTLY_TRUE");
	}

	private static HandlingReport version(int number, String findings, Verdict verdict, int persons) {
		return new HandlingReport(number, 1, number, 1, findings, verdict, "责令整改。", "无。", persons, null, 0, 0, 0, 0,
				null, null, Completion.CLOSED, null, ReportStatus.SUBMITTED, "handler", null, null, null, null, null,
				0);
	}

}
