package org.ducha.disclosure;

/**
 * A personal number that publishing will hide, for the office to check before it
 * publishes.
 *
 * @param column the message key of the column, e.g. {@code disclosure.column.complaint}
 * @param found the number as written
 * @param shown what the public will read instead
 */
public record Redaction(String receiptNumber, String column, String found, String shown) {

}
