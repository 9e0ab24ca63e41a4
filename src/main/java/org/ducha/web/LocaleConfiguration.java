package org.ducha.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first: every page is in Simplified Chinese until the user picks English with
 * {@code ?lang=en}; the choice is remembered in a cookie. The browser's
 * {@code Accept-Language} is not consulted, because an office PC's browser language says
 * nothing about what its user reads best.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final String PARAMETER = "lang";

	static final String COOKIE = "ducha-lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SupportedLocaleChange());
	}

	/**
	 * Maps whatever {@code ?lang=} says to one of the two languages the bundles hold, so
	 * that the page's {@code lang} attribute always matches the text it shows.
	 */
	static final class SupportedLocaleChange extends LocaleChangeInterceptor {

		SupportedLocaleChange() {
			setParamName(PARAMETER);
		}

		@Override
		protected Locale parseLocaleValue(String localeValue) {
			return supported(localeValue);
		}

		static Locale supported(String value) {
			return (value != null && value.toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH
					: Locale.SIMPLIFIED_CHINESE;
		}

	}

}
