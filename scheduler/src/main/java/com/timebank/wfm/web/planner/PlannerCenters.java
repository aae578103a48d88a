package com.timebank.wfm.web.planner;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.timebank.wfm.api.Validation;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/**
 * The center a planner page is about: the one named by {@code ?center=}, else the first the user plans. A named
 * center outside the user's planning scope is a 404 (through {@link OrganisationService#plannedCenter}).
 */
@Component
class PlannerCenters {

    private final OrganisationService organisation;

    PlannerCenters(OrganisationService organisation) {
        this.organisation = organisation;
    }

    List<Center> planned(CurrentUser user) {
        return organisation.centers(user).stream().filter(c -> user.plansCenter(c.id())).toList();
    }

    /** The chosen center, or empty when the user plans none (the page shows what to do then). */
    Optional<Center> choose(String code, CurrentUser user) {
        if (code != null && !code.isBlank()) {
            return Optional.of(organisation.plannedCenter(code.trim(), user));
        }
        return planned(user).stream().findFirst();
    }

    /**
     * The center a form or chart names: it must name one (a blank value is 400 on {@code center}, not the first center
     * planned, which the user did not choose) and the user must plan it (else 404, as an unknown one).
     */
    Center named(String code, CurrentUser user) {
        new Validation().require(code != null && !code.isBlank(), "center", "problem.parameter.missing", "center")
                .throwIfInvalid();
        return organisation.plannedCenter(code.trim(), user);
    }

    /** Adds {@code center} and {@code centers} (for the switcher) to the model; answers the center if any. */
    Optional<Center> addTo(Model model, String code, CurrentUser user) {
        Optional<Center> center = choose(code, user);
        add(model, center.orElse(null), user);
        return center;
    }

    /** As {@link #addTo}, for a form that must name its center ({@link #named}). */
    Center addNamed(Model model, String code, CurrentUser user) {
        Center center = named(code, user);
        add(model, center, user);
        return center;
    }

    private void add(Model model, Center center, CurrentUser user) {
        model.addAttribute("centers", planned(user));
        model.addAttribute("center", center);
    }
}
