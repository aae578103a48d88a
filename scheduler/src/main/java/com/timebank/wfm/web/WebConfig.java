package com.timebank.wfm.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import com.timebank.wfm.users.UserService;

/** The pages' language: resolved per user, changed by a POST carrying {@code lang} (see {@link LocalePage}). */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    static final String LANG_PARAM = "lang";

    @Bean
    LocaleResolver localeResolver(UserService users) {
        return new UserLocaleResolver(users);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new HoursMinutes.Factory());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(LANG_PARAM);
        // a choice is stored for the user, so only a POST (with its CSRF token) may make it
        change.setHttpMethods("POST");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/locale");
    }
}
