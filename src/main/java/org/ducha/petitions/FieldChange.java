package org.ducha.petitions;

/**
 * One corrected field of a case, before and after.
 *
 * @param field the field's form and request name, e.g. {@code priority}
 * @param before the value before: text, an enumeration's name, an ISO instant for the
 * transfer time, a sorted list for districts and pollution types, or {@code null} when
 * the field was empty
 * @param after the value after, likewise
 */
public record FieldChange(String field, Object before, Object after) {

}
