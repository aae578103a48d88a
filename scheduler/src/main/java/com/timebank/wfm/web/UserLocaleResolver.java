package com.timebank.wfm.web;

import java.util.List;
import java.util.Locale;

import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;

import com.timebank.wfm.users.UserService;
import com.timebank.wfm.security.WfmPrincipal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The pages' language: the one chosen in this session, else the one the user chose last time (stored with the
 * user), else the browser's if supported, else English. Choosing one stores it for the user when signed in.
 */
class UserLocaleResolver implements LocaleResolver {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);
    static final String SESSION_ATTRIBUTE = UserLocaleResolver.class.getName() + ".locale";

    private final UserService users;

    UserLocaleResolver(UserService users) {
        this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale chosen) {
            return chosen;
        }
        Locale stored = WfmPrincipal.current().map(WfmPrincipal::preferredLocale).filter(StringUtils::hasText)
                .map(Locale::forLanguageTag).map(UserLocaleResolver::supported).orElse(null);
        if (stored != null) {
            return stored;
        }
        String header = request.getHeader("Accept-Language");
        if (StringUtils.hasText(header)) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
                // "zh", "zh-Hans", "zh-SG" have no exact match: they read Simplified Chinese
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                    if (r.getRange().startsWith("zh") && !r.getRange().matches("zh-(tw|hk|mo|hant).*")) {
                        return CHINESE;
                    }
                }
            } catch (IllegalArgumentException e) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? ENGLISH : supported(locale);
        request.getSession().setAttribute(SESSION_ATTRIBUTE, chosen);
        WfmPrincipal.current().ifPresent(p -> users.setLocale(p.currentUser(), chosen));
    }

    /** Maps any locale onto a supported one: Chinese variants to Simplified Chinese, anything else to English. */
    static Locale supported(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }
}
