package org.ducha.petitions;

import org.ducha.shared.EditConflict;

/**
 * Another import is writing cases into the same round at this moment (often the same file
 * sent twice): nothing was written, and the batch shows what the other import registered
 * once it is done.
 */
public class IntakeInProgress extends EditConflict {

	public IntakeInProgress(int batchNumber) {
		super("intake.inProgress", batchNumber);
	}

}
