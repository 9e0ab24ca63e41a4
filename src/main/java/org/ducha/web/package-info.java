/**
 * The web shell: layout, navigation, language, error pages and the security filter chain.
 * No feature logic; knows the signed-in user only through {@code shared.SignedInUser}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ducha.web;
