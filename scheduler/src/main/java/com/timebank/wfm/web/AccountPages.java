package com.timebank.wfm.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.SignedIn;
import com.timebank.wfm.security.WfmPrincipal;
import com.timebank.wfm.users.UserService;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The signed-in user changes their own password (from the user menu); a user whose password an admin set is sent
 * here until they have.
 */
@Controller
class AccountPages {

    static final String PATH = "/account/password";

    private final UserService users;
    private final Flash flash;

    AccountPages(UserService users, Flash flash) {
        this.users = users;
        this.flash = flash;
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("passwordForm", new PasswordForm());
        return page(model);
    }

    @PostMapping(PATH)
    String change(@ModelAttribute PasswordForm passwordForm, BindingResult binding, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (passwordForm.getNewPassword() == null || !passwordForm.getNewPassword()
                .equals(passwordForm.getConfirmPassword())) {
            binding.rejectValue("confirmPassword", "account.password.error.confirm");
        } else {
            try {
                WfmPrincipal changed = users.changeOwnPassword(user, passwordForm.getCurrentPassword(),
                        passwordForm.getNewPassword());
                SignedIn.refresh(changed, request, response);
                flash.success(redirect, "account.password.changed");
                return "redirect:/";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, Map.of(), "account.password.invalid");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        passwordForm.setCurrentPassword(null);
        passwordForm.setNewPassword(null);
        passwordForm.setConfirmPassword(null);
        return page(model);
    }

    private static String page(Model model) {
        model.addAttribute("required", WfmPrincipal.current().map(WfmPrincipal::mustChangePassword).orElse(false));
        return "account/password";
    }
}
