package com.timebank.wfm.web.planner;

import java.time.LocalDate;

import org.springframework.validation.BindingResult;

/**
 * Date fields of the planner's forms: {@code <input type="date">} sends {@code YYYY-MM-DD}, bound by
 * {@code @DateTimeFormat}; a value that is no date is refused by the binder ({@code typeMismatch.<form>.<field>}).
 */
final class Dates {

    private Dates() {
    }

    /** Refuses an empty required date, unless the binder already refused what was typed. */
    static void require(LocalDate date, String field, BindingResult binding) {
        if (date == null && !binding.hasFieldErrors(field)) {
            binding.rejectValue(field, "planner.error.date-required");
        }
    }
}
