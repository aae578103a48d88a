package com.timebank.wfm.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.timebank.StatementService;
import com.timebank.wfm.timebank.StatementService.AgentBalance;
import com.timebank.wfm.timebank.CorrectionService;
import com.timebank.wfm.timebank.TimeBonusService;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A team lead's pages: the team's balances (sortable; who is near zero, who holds the most) and granting a time
 * bonus within the center's monthly budget. Planners and admins see their centers. The services decide scope.
 */
@Controller
class LeadPages {

    /** Below this available time an agent is flagged as near zero. */
    static final long NEAR_ZERO_SECONDS = 3600;

    private final StatementService statements;
    private final TimeBonusService bonuses;
    private final CorrectionService corrections;
    private final OrganisationService organisation;
    private final Flash flash;
    private final PageFormat fmt;

    LeadPages(StatementService statements, TimeBonusService bonuses, CorrectionService corrections,
            OrganisationService organisation, Flash flash, PageFormat fmt) {
        this.corrections = corrections;
        this.statements = statements;
        this.bonuses = bonuses;
        this.organisation = organisation;
        this.flash = flash;
        this.fmt = fmt;
    }

    enum Sort {
        NAME(Comparator.comparing((AgentBalance b) -> b.agent().name(), String.CASE_INSENSITIVE_ORDER)),
        BALANCE(Comparator.comparingLong(AgentBalance::balanceSeconds)),
        AVAILABLE(Comparator.comparingLong(AgentBalance::availableSeconds));

        final Comparator<AgentBalance> order;

        Sort(Comparator<AgentBalance> order) {
            this.order = order.thenComparing(b -> b.agent().employeeNo());
        }

        static Sort of(String s) {
            for (Sort v : values()) {
                if (v.name().equalsIgnoreCase(s)) {
                    return v;
                }
            }
            return NAME;
        }
    }

    @GetMapping("/lead/balances")
    String balances(@RequestParam(required = false) String team, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, CurrentUser user, Model model) {
        String centerCode = null;
        String teamCode = null;
        if (team != null && !team.isBlank()) {
            int slash = team.indexOf('/');
            if (slash <= 0) {
                throw InvalidInputException.of("team", "org.team-written-center-team", team);
            }
            centerCode = team.substring(0, slash);
            teamCode = team.substring(slash + 1);
        }
        StatementService.Balances found = statements.balances(centerCode, teamCode, user);
        Sort by = Sort.of(sort);
        boolean descending = dir == null ? by != Sort.NAME : "desc".equalsIgnoreCase(dir);
        List<AgentBalance> rows = new ArrayList<>(found.balances());
        rows.sort(descending ? by.order.reversed() : by.order);
        long most = rows.stream().mapToLong(AgentBalance::balanceSeconds).max().orElse(0);
        model.addAttribute("rows", rows);
        model.addAttribute("totalAgents", found.totalAgents());
        model.addAttribute("limited", found.totalAgents() > rows.size());
        model.addAttribute("mostSeconds", most);
        model.addAttribute("nearZeroSeconds", NEAR_ZERO_SECONDS);
        model.addAttribute("nearZeroCount", rows.stream().filter(r -> r.availableSeconds() < NEAR_ZERO_SECONDS).count());
        model.addAttribute("totalBalance", rows.stream().mapToLong(AgentBalance::balanceSeconds).sum());
        model.addAttribute("teams", organisation.visibleTeams(user));
        model.addAttribute("team", team == null ? "" : team);
        model.addAttribute("sort", by.name().toLowerCase());
        model.addAttribute("dir", descending ? "desc" : "asc");
        return "lead/balances";
    }

    @org.springframework.web.bind.annotation.InitBinder("bonusForm")
    void bonusBinder(org.springframework.web.bind.WebDataBinder binder) {
        binder.addValidators(new FormValidators.Bonus());
    }

    @GetMapping("/lead/bonus")
    String bonusForm(@RequestParam(required = false) String employeeNo, CurrentUser user, Model model) {
        BonusForm form = new BonusForm();
        if (employeeNo != null) {
            form.setEmployeeNo(organisation.agent(employeeNo, user).employeeNo());
        }
        model.addAttribute("bonusForm", form);
        bonusModel(user, model);
        return "lead/bonus";
    }

    @PostMapping("/lead/bonus")
    String grant(@org.springframework.validation.annotation.Validated @ModelAttribute BonusForm bonusForm,
            BindingResult binding, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        if (!binding.hasErrors()) {
            try {
                var entry = bonuses.grant(bonusForm.getEmployeeNo(), bonusForm.seconds(), bonusForm.getReason(),
                        bonusForm.grantKeyOrNull(), user);
                var agent = organisation.agent(bonusForm.getEmployeeNo(), user);
                Flash.Message done = flash.success("lead.bonus.granted", agent.name(), agent.employeeNo(),
                        fmt.duration(entry.seconds()));
                if (htmx == null) {
                    redirect.addFlashAttribute("flash", done);
                    return "redirect:/lead/bonus?employeeNo=" + org.springframework.web.util.UriUtils
                            .encodeQueryParam(agent.employeeNo(), java.nio.charset.StandardCharsets.UTF_8);
                }
                BonusForm next = new BonusForm();
                next.setEmployeeNo(agent.employeeNo());
                model.addAttribute("bonusForm", next);
                model.addAttribute("granted", done);
                bonusModel(user, model);
                return "lead/bonus";
            } catch (BusinessRuleException e) {
                binding.rejectValue("hours", "lead.bonus.refused", new Object[] {e.reason()}, e.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            } catch (ConflictException e) {
                // this form (its key) already granted other values, e.g. sent again after going back: a new key
                // lets the lead grant these too, knowingly
                bonusForm.setGrantKey(FormKey.fresh());
                binding.rejectValue("hours", "lead.bonus.form-used");
                response.setStatus(HttpStatus.CONFLICT.value());
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, java.util.Map.of("seconds", "hours"), "lead.bonus.invalid");
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        bonusModel(user, model);
        return "lead/bonus";
    }

    /** The agent's time bonuses and emergency credits, each with a reversal form or marked as reversed. */
    @GetMapping("/lead/corrections")
    String corrections(@RequestParam(required = false) String employeeNo, CurrentUser user, Model model) {
        List<AgentBalance> agents = new ArrayList<>(statements.balances(null, null, user).balances());
        agents.sort(Sort.NAME.order);
        model.addAttribute("agents", agents);
        String chosen = employeeNo == null || employeeNo.isBlank() ? null
                : organisation.agent(employeeNo.trim(), user).employeeNo();
        model.addAttribute("employeeNo", chosen);
        model.addAttribute("entries", chosen == null ? null : corrections.correctable(chosen, user));
        return "lead/corrections";
    }

    @PostMapping("/lead/corrections/{entryId}")
    String reverse(@PathVariable long entryId, @RequestParam(required = false) String employeeNo,
            @RequestParam(required = false) String reason, CurrentUser user, RedirectAttributes redirect) {
        try {
            var reversal = corrections.reverse(entryId, reason, user);
            flash.success(redirect, "lead.corrections.done", fmt.signedDuration(reversal.seconds()));
        } catch (BusinessRuleException | com.timebank.wfm.api.ConflictException e) {
            flash.error(redirect, "lead.bonus.refused", e.reason());
        } catch (InvalidInputException e) {
            flash.error(redirect, "lead.bonus.refused", fmt.reasons(e.errors()));
        }
        return "redirect:/lead/corrections" + (employeeNo == null ? "" : "?employeeNo="
                + org.springframework.web.util.UriUtils.encodeQueryParam(employeeNo, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void bonusModel(CurrentUser user, Model model) {
        List<AgentBalance> agents = new ArrayList<>(statements.balances(null, null, user).balances());
        agents.sort(Sort.NAME.order);
        Set<String> centers = new LinkedHashSet<>();
        agents.forEach(a -> centers.add(a.agent().centerCode()));
        List<TimeBonusService.Budget> budgets = centers.stream().sorted().limit(20)
                .map(c -> bonuses.budget(c, null, user)).toList();
        model.addAttribute("agents", agents);
        model.addAttribute("budgets", budgets);
    }
}
