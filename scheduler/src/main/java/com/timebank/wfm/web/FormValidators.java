package com.timebank.wfm.web;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import com.timebank.wfm.leave.LeaveService;
import com.timebank.wfm.timebank.TimeBonusService;

/**
 * The checks of the agent's and lead's forms, by the field and with the services' own limits, run by the binder
 * ({@code @InitBinder}) before a handler sees the form; the services check the same again for API callers.
 */
final class FormValidators {

    private FormValidators() {
    }

    /** Hours 0 or more, minutes 0..59, and a total within 1 s..{@code maxSeconds}. */
    private static void duration(DurationForm f, Errors errors, long maxSeconds, String minutesCode, String amountCode) {
        if (errors.hasFieldErrors("hours") || errors.hasFieldErrors("minutes")) {
            return;
        }
        if ((f.getHours() != null && f.getHours() < 0)
                || (f.getMinutes() != null && (f.getMinutes() < 0 || f.getMinutes() > 59))) {
            errors.rejectValue("minutes", minutesCode);
        } else if (f.durationSeconds() <= 0 || f.durationSeconds() > maxSeconds) {
            errors.rejectValue("hours", amountCode);
        }
    }

    /** As {@link #duration}, but the hours and minutes may be left empty when from and to give the length. */
    private static void partDayDuration(DurationForm f, String from, String to, Errors errors, String minutesCode,
            String amountCode) {
        if (PartOfDay.givesLength(from, to) && f.getHours() == null && f.getMinutes() == null) {
            return;
        }
        duration(f, errors, LeaveService.DAY_SECONDS, minutesCode, amountCode);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static final class Bonus implements Validator {
        @Override
        public boolean supports(Class<?> type) {
            return BonusForm.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            BonusForm f = (BonusForm) target;
            if (blank(f.getEmployeeNo())) {
                errors.rejectValue("employeeNo", "lead.bonus.error.agent");
            }
            duration(f, errors, TimeBonusService.MAX_SECONDS, "lead.bonus.error.minutes", "lead.bonus.error.amount");
            if (blank(f.getReason())) {
                errors.rejectValue("reason", "lead.bonus.error.reason");
            } else if (f.getReason().length() > TimeBonusService.MAX_REASON) {
                errors.rejectValue("reason", "lead.bonus.error.reason-length", new Object[] {TimeBonusService.MAX_REASON},
                        null);
            }
        }
    }

    /** The agent's time-off request: a date, and for part of the shift a positive duration. */
    static final class TimeOff implements Validator {
        @Override
        public boolean supports(Class<?> type) {
            return TimeOffForm.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            TimeOffForm f = (TimeOffForm) target;
            if (!errors.hasFieldErrors("date") && f.getDate() == null) {
                errors.rejectValue("date", "agent.timeoff.error.date");
            }
            if (!f.wholeShift()) {
                partDayDuration(f, f.getFrom(), f.getTo(), errors, "agent.timeoff.error.minutes",
                        "agent.timeoff.error.amount");
                PartOfDay.check(f.getFrom(), f.getTo(), f, errors, "agent.timeoff");
            }
        }
    }

    static final class Leave implements Validator {
        @Override
        public boolean supports(Class<?> type) {
            return LeaveForm.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            LeaveForm f = (LeaveForm) target;
            if (blank(f.getEmployeeNo())) {
                errors.rejectValue("employeeNo", "lead.leave.error.agent");
            }
            if (!errors.hasFieldErrors("type") && f.getType() == null) {
                errors.rejectValue("type", "lead.leave.error.type");
            }
            if (!errors.hasFieldErrors("date") && f.getDate() == null) {
                errors.rejectValue("date", "lead.leave.error.date");
            }
            partDayDuration(f, f.getFrom(), f.getTo(), errors, "lead.leave.error.minutes", "lead.leave.error.amount");
            PartOfDay.check(f.getFrom(), f.getTo(), f, errors, "lead.leave");
        }
    }
}
