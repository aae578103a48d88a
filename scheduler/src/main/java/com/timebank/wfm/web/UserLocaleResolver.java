package com.timebank.wfm.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.StringUtils;
import org.springframework.web.util.WebUtils;
import org.springframework.web.servlet.LocaleResolver;

import com.timebank.wfm.users.UserService;
import com.timebank.wfm.security.WfmPrincipal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The pages' language: the one chosen in this session, else the one the user chose last time (stored with the
 * user), else the one last chosen in this browser (a cookie: the sign-in page after signing out or after the session
 * ended), else the browser's if supported, else English. Choosing one stores it for the user when signed in, and in
 * the cookie.
 */
class UserLocaleResolver implements LocaleResolver {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);
    static final String SESSION_ATTRIBUTE = UserLocaleResolver.class.getName() + ".locale";
    static final String COOKIE = "wfm-lang";
    private static final Duration COOKIE_AGE = Duration.ofDays(365);

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
        Cookie chosenHere = WebUtils.getCookie(request, COOKIE);
        if (chosenHere != null && StringUtils.hasText(chosenHere.getValue())) {
            return supported(Locale.forLanguageTag(chosenHere.getValue()));
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
        if (response != null) {
            String path = StringUtils.hasText(request.getContextPath()) ? request.getContextPath() : "/";
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen.toLanguageTag()).path(path)
                    .maxAge(COOKIE_AGE).httpOnly(true).secure(request.isSecure()).sameSite("Lax").build().toString());
        }
    }

    /** Maps any locale onto a supported one: Chinese variants to Simplified Chinese, anything else to English. */
    static Locale supported(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }
}
