package com.timebank.wfm.web.planner;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.validation.BindingResult;

/** Date fields of the planner's forms: {@code <input type="date">} sends {@code YYYY-MM-DD}. */
final class Dates {

    private Dates() {
    }

    /** The date of a field, null when empty; a value that is no date is rejected with {@code planner.error.date}. */
    static LocalDate parse(String text, String field, boolean required, BindingResult binding) {
        if (text == null || text.isBlank()) {
            if (required) {
                binding.rejectValue(field, "planner.error.date-required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            binding.rejectValue(field, "planner.error.date");
            return null;
        }
    }
}
