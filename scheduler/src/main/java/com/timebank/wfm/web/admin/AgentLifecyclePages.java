package com.timebank.wfm.web.admin;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.BalanceMoveService;
import com.timebank.wfm.web.Flash;

/**
 * The admin's actions over an agent's working life on the agent's page: a contract change effective from a date,
 * and, once the agent is disabled, their balance paid out or transferred to another agent. A refusal comes back to
 * the page in the reader's language.
 */
@Controller
class AgentLifecyclePages {

    private final OrganisationService organisation;
    private final BalanceMoveService moves;
    private final Flash flash;

    AgentLifecyclePages(OrganisationService organisation, BalanceMoveService moves, Flash flash) {
        this.organisation = organisation;
        this.moves = moves;
        this.flash = flash;
    }

    static String editPath(String employeeNo) {
        return "redirect:/admin/agents/" + UriUtils.encodePathSegment(employeeNo, StandardCharsets.UTF_8) + "/edit";
    }

    @PostMapping("/admin/agents/{employeeNo}/contract")
    String changeContract(@PathVariable String employeeNo, @ModelAttribute ContractForm form, BindingResult binding,
            CurrentUser user, RedirectAttributes redirect) {
        if (binding.hasFieldErrors()) {
            // text that is no date or no h:mm (40:75 passes the field's pattern) is said in words on the agent's page
            flash.error(redirect, "admin.lifecycle.refused", binding.getFieldError());
            return editPath(employeeNo);
        }
        try {
            Agent a = organisation.changeContract(employeeNo, new OrganisationService.ContractChange(
                    form.getEffectiveFrom(), form.getWeeklyMinMinutes(), form.getWeeklyMaxMinutes()), user);
            flash.success(redirect, "admin.contract.changed", a.name(), a.employeeNo(), form.getEffectiveFrom());
        } catch (InvalidInputException e) {
            flash.error(redirect, "admin.lifecycle.refused", e.errors().get(0));
        }
        return editPath(employeeNo);
    }

    @PostMapping("/admin/agents/{employeeNo}/balance/payout")
    String payOut(@PathVariable String employeeNo, @ModelAttribute BalanceMoveForm form, CurrentUser user,
            RedirectAttributes redirect) {
        try {
            BalanceMoveService.Moved m = moves.payOut(employeeNo, form.getReason(), form.getKey(), user);
            flash.success(redirect, "admin.balance.paid-out", m.from().name(),
                    com.timebank.wfm.api.Message.duration(-m.entries().out().seconds()));
        } catch (InvalidInputException e) {
            flash.error(redirect, "admin.lifecycle.refused", e.errors().get(0));
        } catch (BusinessRuleException e) {
            flash.error(redirect, "admin.lifecycle.refused", e.reason());
        }
        return editPath(employeeNo);
    }

    @PostMapping("/admin/agents/{employeeNo}/balance/transfer")
    String transfer(@PathVariable String employeeNo, @ModelAttribute BalanceMoveForm form, CurrentUser user,
            RedirectAttributes redirect) {
        try {
            BalanceMoveService.Moved m = moves.transfer(employeeNo, form.getToEmployeeNo(), form.getReason(),
                    form.getKey(), user);
            flash.success(redirect, "admin.balance.transferred", m.from().name(),
                    com.timebank.wfm.api.Message.duration(-m.entries().out().seconds()), m.to().name(),
                    m.to().employeeNo());
        } catch (InvalidInputException e) {
            flash.error(redirect, "admin.lifecycle.refused", e.errors().get(0));
        } catch (BusinessRuleException e) {
            flash.error(redirect, "admin.lifecycle.refused", e.reason());
        }
        return editPath(employeeNo);
    }
}
