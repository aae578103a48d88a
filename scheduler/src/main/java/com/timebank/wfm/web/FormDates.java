package com.timebank.wfm.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.validation.BindingResult;

/** Dates typed into one field, one a line or separated by commas (YYYY-MM-DD), as the settings forms take them. */
public final class FormDates {

    private FormDates() {
    }

    /** The dates of {@code text}; the first that is not a date is rejected on {@code field} with {@code code}. */
    public static List<LocalDate> parse(String text, String field, String code, BindingResult binding) {
        List<LocalDate> dates = new ArrayList<>();
        if (text == null) {
            return dates;
        }
        for (String s : text.split("[,\\n\\r]+")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(s.trim()));
            } catch (DateTimeParseException e) {
                binding.rejectValue(field, code, new Object[] {s.trim()}, null);
                break;
            }
        }
        return dates;
    }
}
