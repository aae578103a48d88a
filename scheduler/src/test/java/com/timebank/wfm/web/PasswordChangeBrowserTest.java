package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import com.timebank.wfm.security.Role;
import com.timebank.wfm.support.BrowserTest;
import com.timebank.wfm.support.Org;
import com.timebank.wfm.users.UserService;

/** A user whose password an admin set is sent to change it at the first sign-in, then reaches the home page. */
class PasswordChangeBrowserTest extends BrowserTest {

    @Autowired
    Org org;
    @Autowired
    UserService users;

    @Test
    void firstSignInWithAnAdminsPasswordLeadsThroughTheChangePage() {
        String username = Org.unique("pw").toLowerCase();
        users.create(new UserService.NewUser(username, "given-by-admin-1", Role.PLANNER, null,
                List.of(org.center().code()), List.of()), org.admin());

        signIn(username, "given-by-admin-1");
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        assertThat(text("[data-testid=password-change-required]"))
                .isEqualTo("Your password was set by an admin: choose your own to continue.");
        // any other page leads back here until the password is changed
        open("/planner/calendar");
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        screenshot("password-change-required");

        find("#currentPassword").sendKeys("given-by-admin-1");
        // long enough whatever the unique name's length, so the username rule is the one that refuses it
        find("#newPassword").sendKeys(username + "-is-mine-now");
        find("#confirmPassword").sendKeys(username + "-is-mine-now");
        submitAndWait("change-password-submit");
        assertThat(text("#newPassword-error")).isEqualTo("A password may not be or contain the username");

        find("#currentPassword").sendKeys("given-by-admin-1");
        find("#newPassword").sendKeys("my own four words");
        find("#confirmPassword").sendKeys("my own four words");
        submitAndWait("change-password-submit");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(text("[data-testid=flash]")).isEqualTo("Your password has been changed.");
        assertThat(text("[data-testid=username]")).isEqualTo(username);
        assertThat(cspViolations()).isEmpty();
        screenshot("password-changed-home");

        open("/planner/calendar");
        assertThat(browser.getCurrentUrl()).endsWith("/planner/calendar");
        submitLogin(username, "given-by-admin-1");
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        signIn(username, "my own four words");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        clickAndWait(byTestId("change-password"));
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        assertThat(browser.findElements(By.cssSelector("[data-testid=password-change-required]")))
                .isEmpty();
    }
}
