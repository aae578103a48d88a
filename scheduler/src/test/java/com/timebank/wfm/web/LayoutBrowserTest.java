package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.support.Org;

/** The layout in chromium: assets load under the CSP, sign-in works, the language switch changes every text. */
class LayoutBrowserTest extends BrowserTest {

    @Autowired
    Org org;

    @Test
    void signInThroughTheFormAndSwitchToChinese() {
        open("/login");
        assertThat(browser.getTitle()).isEqualTo("Sign in · Timebank WFM");
        // htmx, the page script and Pico CSS loaded from this host despite the strict CSP
        assertThat(browser.executeScript("return typeof htmx")).isEqualTo("object");
        assertThat(browser.executeScript("return getComputedStyle(document.querySelector('button')).borderRadius"))
                .isNotEqualTo("0px");
        asPhone();
        screenshot("login-phone");
        asDesktop();

        submitLogin("admin", "wrong-password-1");
        wait.until(d -> d.getCurrentUrl().contains("/login?error"));
        assertThat(text("[data-testid=login-error]")).isEqualTo("Wrong username or password.");
        signIn("admin", "admin-test-password");
        assertThat(text("[data-testid=username]")).isEqualTo("admin");
        assertThat(cspViolations()).isEmpty();
        screenshot("home-admin");

        switchLanguage("zh-CN");
        assertThat(text("[data-testid=sign-out]")).isEqualTo("退出登录");
        assertThat(find("html").getAttribute("lang")).isEqualTo("zh-CN");
        screenshot("home-admin-zh");
        switchLanguage("en");
        assertThat(text("[data-testid=sign-out]")).isEqualTo("Sign out");

        open("/no/such/page");
        assertThat(shownStatus()).isEqualTo(404);
        assertThat(text("h1")).isEqualTo("Not found");
        screenshot("not-found");
    }

    /**
     * The language chosen is the browser's too: the sign-in page after signing out (or after the session ended) is in
     * it, not in the browser's own language.
     */
    @Test
    void theChosenLanguageStaysAfterSigningOut() {
        signIn(org.leadUser(org.team(org.center())));
        switchLanguage("zh-CN");
        submitAndWait("sign-out");
        assertThat(find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(text("[data-testid=sign-in]")).isEqualTo("登录");
        browser.manage().deleteCookieNamed("JSESSIONID");
        open("/login");
        assertThat(text("[data-testid=sign-in]")).isEqualTo("登录");
        browser.manage().deleteAllCookies(); // the other tests start in the browser's language
    }

    /** A form sent after the session ended fails the CSRF check: the page says the form expired, not "your role". */
    @Test
    void aFormSentAfterTheSessionEndedSaysItExpired() {
        signIn(org.leadUser(org.team(org.center())));
        browser.manage().deleteCookieNamed("JSESSIONID");
        clickAndWait(byTestId("lang-zh"));
        assertThat(shownStatus()).isEqualTo(403);
        assertThat(text("h1")).isEqualTo("The form has expired");
        assertThat(text("[data-testid=error-page] p")).startsWith("The page was open too long");
        screenshot("form-expired");
    }
}
