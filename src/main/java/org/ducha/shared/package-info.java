/**
 * Small value types and infrastructure every feature uses: the {@link java.time.Clock},
 * the acting user, and rule violations that carry a message code. Depends on nothing in
 * Ducha.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ducha.shared;
