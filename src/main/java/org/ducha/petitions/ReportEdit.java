package org.ducha.petitions;

/**
 * The draft the lead unit is about to edit.
 *
 * @param versionNumber the version the draft is (or will be, once saved)
 * @param content what the form starts with: the saved draft, a copy of the returned
 * version, or nothing
 * @param rowVersion the saved draft's row version to pass back on save, or {@code null}
 * when saving will create the version
 * @param returned the version the office returned, whose comment the unit answers, or
 * {@code null}
 */
public record ReportEdit(int versionNumber, ReportDraft content, Long rowVersion, HandlingReport returned) {

}
