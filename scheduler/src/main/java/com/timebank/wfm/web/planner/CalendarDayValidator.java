package com.timebank.wfm.web.planner;

import java.util.List;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What the form alone can tell: a kind, a date, and for a special day either a multiplier or a past day. The
 * calendar's own limits (text length, multiplier range, a day listed twice) stay with {@code CalendarService}, whose
 * field errors the page puts next to these fields.
 */
class CalendarDayValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return CalendarDayForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CalendarDayForm f = (CalendarDayForm) target;
        if (!List.of(CalendarDayForm.HOLIDAY, CalendarDayForm.CLOSED, CalendarDayForm.SPECIAL).contains(f.getKind())) {
            errors.rejectValue("kind", "planner.center-calendar.error.kind");
        }
        if (f.getDate() == null && !errors.hasFieldErrors("date")) {
            errors.rejectValue("date", "planner.error.date-required");
        }
        if (CalendarDayForm.SPECIAL.equals(f.getKind()) && !errors.hasFieldErrors("multiplier")
                && !errors.hasFieldErrors("likeDate") && (f.getMultiplier() == null) == (f.getLikeDate() == null)) {
            errors.rejectValue("multiplier", "planner.center-calendar.error.either");
        }
    }
}
