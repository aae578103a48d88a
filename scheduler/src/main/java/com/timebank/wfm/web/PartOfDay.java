package com.timebank.wfm.web;

import org.springframework.validation.Errors;

import com.timebank.wfm.api.TimeOfDay;

/**
 * The optional from and to ({@code HH:mm}) of part-day leave and time off on a form, with the hours and minutes next
 * to them: from and to give the length (the hours may be left empty, or must agree); from alone ends after the hours
 * and minutes; to needs a from. The API takes from and to; the form computes to when only from is given.
 */
final class PartOfDay {

    private PartOfDay() {
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String from(String from) {
        return blank(from) ? null : from.trim();
    }

    /** The given end, else the start plus {@code seconds}, else null; an invalid input is passed on as given. */
    static String to(String from, String to, long seconds) {
        if (!blank(to)) {
            return to.trim();
        }
        Integer start = TimeOfDay.parse(from(from));
        if (start == null || seconds <= 0) {
            return null;
        }
        long end = start + seconds / 60;
        return end > 1440 ? null : TimeOfDay.format((int) end);
    }

    /** The hours and minutes when given, else from..to's length. */
    static long seconds(String from, String to, long seconds) {
        if (seconds > 0 || blank(from) || blank(to)) {
            return seconds;
        }
        Integer start = TimeOfDay.parse(from.trim());
        Integer end = TimeOfDay.parse(to.trim());
        return start == null || end == null || end <= start ? seconds : (end - start) * 60L;
    }

    private static String hoursMinutes(long seconds) {
        return seconds / 3600 + ":" + String.format("%02d", seconds % 3600 / 60);
    }

    /** Whether the hours and minutes may be left empty: from and to both given. */
    static boolean givesLength(String from, String to) {
        return !blank(from) && !blank(to);
    }

    /**
     * The checks by the field, codes {@code <prefix>.error.part.*}: times {@code HH:mm} inside the day, to after from,
     * to only with from, the hours agreeing with from..to, from plus the hours inside the day.
     */
    static void check(String from, String to, DurationForm f, Errors errors, String prefix) {
        Integer start = blank(from) ? null : TimeOfDay.parse(from.trim());
        Integer end = blank(to) ? null : TimeOfDay.parse(to.trim());
        boolean fromOk = blank(from) || (start != null && start < 1440);
        boolean toOk = blank(to) || end != null;
        if (!fromOk) {
            errors.rejectValue("from", prefix + ".error.part.time");
        }
        if (!toOk) {
            errors.rejectValue("to", prefix + ".error.part.time");
        }
        if (!fromOk || !toOk) {
            return;
        }
        if (blank(from) && !blank(to)) {
            errors.rejectValue("from", prefix + ".error.part.from-required");
        } else if (start != null && end != null) {
            if (end <= start) {
                errors.rejectValue("to", prefix + ".error.part.to-after-from");
            } else if (f.durationSeconds() > 0 && f.durationSeconds() != (end - start) * 60L
                    && !errors.hasFieldErrors("hours") && !errors.hasFieldErrors("minutes")) {
                errors.rejectValue("hours", prefix + ".error.part.length",
                        new Object[] {hoursMinutes(f.durationSeconds()), from.trim(), to.trim(), hoursMinutes((end - start) * 60L)},
                        null);
            }
        } else if (start != null && f.durationSeconds() > 0 && start + f.durationSeconds() / 60 > 1440
                && !errors.hasFieldErrors("hours")) {
            errors.rejectValue("hours", prefix + ".error.part.past-midnight", new Object[] {from.trim()}, null);
        }
    }
}
