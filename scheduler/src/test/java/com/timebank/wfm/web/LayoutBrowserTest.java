package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.support.BrowserTest;

/** The layout in chromium: assets load under the CSP, sign-in works, the language switch changes every text. */
class LayoutBrowserTest extends BrowserTest {

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

        byTestId("lang-zh").click();
        // the switch is a POST and a redirect: wait for the new page, not the one still shown
        wait.until(d -> "zh-CN".equals(browser.executeScript("return document.documentElement.lang")));
        waitForPage();
        assertThat(text("[data-testid=sign-out]")).isEqualTo("退出登录");
        assertThat(find("html").getAttribute("lang")).isEqualTo("zh-CN");
        screenshot("home-admin-zh");
        byTestId("lang-en").click();
        wait.until(d -> "en".equals(browser.executeScript("return document.documentElement.lang")));
        waitForPage();
        assertThat(text("[data-testid=sign-out]")).isEqualTo("Sign out");

        open("/no/such/page");
        assertThat(shownStatus()).isEqualTo(404);
        assertThat(text("h1")).isEqualTo("Not found");
        screenshot("not-found");
    }
}
