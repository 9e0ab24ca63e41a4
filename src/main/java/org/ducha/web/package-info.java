/**
 * The web shell every page shares: layout, navigation, language, home and error pages,
 * and the security filter chains. No feature logic; features contribute their links as
 * {@link org.ducha.shared.NavigationItem} beans, so the shell depends only on
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ducha.web;
