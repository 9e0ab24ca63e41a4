package org.ducha.bench;

import org.ducha.shared.PersonalNumbersCorpus;

/**
 * Prints the precision and recall of personal-number detection on the redaction corpus,
 * per kind, with every miss. Not a test (PersonalNumbersCorpusTest asserts the targets):
 * run it with {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=RedactionCorpus}.
 */
public final class RedactionCorpus {

	private RedactionCorpus() {
	}

	public static void main(String[] args) {
		System.out.print(PersonalNumbersCorpus.load().score().report());
	}

}
