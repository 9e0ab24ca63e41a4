package org.ducha.shared;

/**
 * The person (or the system itself) on whose behalf a change is made. The authenticated
 * principal implements it, so that features below {@code accounts} can name the actor
 * without depending on accounts.
 */
public interface Actor {

	/**
	 * The actor recorded for changes made by the application itself (start-up, scheduled
	 * work).
	 */
	Actor SYSTEM = new Actor() {

		@Override
		public String login() {
			return "system";
		}

		@Override
		public Long unitId() {
			return null;
		}

	};

	String login();

	/** The unit the actor acted for, or {@code null} for the system. */
	Long unitId();

}
