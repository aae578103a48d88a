package com.timebank.wfm.roster;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.timebank.wfm.api.Validation;
import com.timebank.wfm.roster.solver.BreakRule;
import com.timebank.wfm.roster.solver.ShiftOption;

/**
 * A center's shift template: a length with its unpaid meal break and break rules, started every
 * {@code startEveryMinutes} from {@code firstStart} to {@code lastStart} (center local time). Left out (null):
 * starts fitted to the requirement's opening hours (from the first interval with a requirement to the last start
 * that ends by the last one), a start every max(30 min, interval), the standard meal window (2 h after the start to
 * 2 h before the end) and standard short breaks (two of 15 min with a meal break, else one). {@code queue} null: the
 * template serves rosters of every queue; otherwise only rosters of that queue.
 */
public record ShiftTemplate(String code, String queue, int lengthMinutes, int mealBreakMinutes,
        Integer mealWindowStart, Integer mealWindowEnd, Integer shortBreaks, Integer shortBreakMinutes,
        LocalTime firstStart, LocalTime lastStart, Integer startEveryMinutes) {

    static final int MAX_TEMPLATES = 50;
    static final int MIN_LENGTH = 120;
    static final int MAX_LENGTH = 720;
    static final int MAX_MEAL = 120;
    static final int MAX_SHORT_BREAKS = 2;
    static final int MAX_SHORT_BREAK_MINUTES = 30;

    /** What a center without templates uses: 9 h with a 1 h meal, 8 h with 30 min and 4 h part-time. */
    public static List<ShiftTemplate> defaults() {
        return List.of(
                new ShiftTemplate("FULL9", null, 540, 60, null, null, null, null, null, null, null),
                new ShiftTemplate("FULL8", null, 480, 30, null, null, null, null, null, null, null),
                new ShiftTemplate("PART4", null, 240, 0, null, null, null, null, null, null, null));
    }

    public boolean serves(String skill) {
        return queue == null || queue.equals(skill);
    }

    /** The template's break rule: the standard one where a field is left out. */
    public BreakRule breakRule() {
        BreakRule standard = BreakRule.standard(lengthMinutes, mealBreakMinutes);
        return new BreakRule(standard.mealBreakMinutes(),
                mealWindowStart == null ? standard.mealWindowStartOffset() : mealWindowStart,
                mealWindowEnd == null ? standard.mealWindowEndOffset() : mealWindowEnd,
                shortBreaks == null ? standard.shortBreakCount() : shortBreaks,
                shortBreakMinutes == null ? standard.shortBreakMinutes() : shortBreakMinutes);
    }

    /**
     * Every field error of a center's list of templates, as {@code templates[i].field}: codes unique, lengths of
     * 2-12 h on the interval grid, a meal break shorter than the shift with its window inside the shift, at most
     * two short breaks of 5-30 min, starts on the center's interval grid and shifts ending by midnight.
     */
    public static void validate(List<ShiftTemplate> templates, int intervalMinutes, Validation v) {
        v.require(templates != null && !templates.isEmpty(), "templates", "template.give-least-one-shift");
        if (templates == null) {
            return;
        }
        v.require(templates.size() <= MAX_TEMPLATES, "templates", "template.most-shift-templates", MAX_TEMPLATES);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            String f = "templates[" + i + "].";
            ShiftTemplate t = templates.get(i);
            if (t == null) {
                v.require(false, "templates[" + i + "]", "template.template-required");
                continue;
            }
            v.require(t.code() != null && t.code().matches("[A-Za-z0-9_-]{1,32}"), f + "code",
                    "template.code-required-letters-digits");
            v.require(t.code() == null || codes.add(t.code()), f + "code", "template.duplicate-code", t.code());
            v.require(t.queue() == null || (!t.queue().isBlank() && t.queue().length() <= 64), f + "queue",
                    "template.queue-characters-left-out");
            int length = t.lengthMinutes();
            boolean lengthOk = length >= MIN_LENGTH && length <= MAX_LENGTH && length % intervalMinutes == 0;
            v.require(lengthOk, f + "lengthMinutes", "template.lengthminutes-h-multiple-center", MIN_LENGTH,
                    MAX_LENGTH, intervalMinutes);
            int meal = t.mealBreakMinutes();
            boolean mealOk = meal >= 0 && meal <= MAX_MEAL && meal % 5 == 0 && (meal == 0 || meal < length);
            v.require(mealOk, f + "mealBreakMinutes", "template.mealbreakminutes-multiple-shorter-than", MAX_MEAL);
            if (meal == 0) {
                v.require(t.mealWindowStart() == null && t.mealWindowEnd() == null, f + "mealWindowStart",
                        "template.meal-window-needs-meal");
            } else if (lengthOk && mealOk) {
                BreakRule standard = BreakRule.standard(length, meal);
                int from = t.mealWindowStart() == null ? standard.mealWindowStartOffset() : t.mealWindowStart();
                int to = t.mealWindowEnd() == null ? standard.mealWindowEndOffset() : t.mealWindowEnd();
                v.require(from >= 0 && to >= from && to + meal <= length, f + "mealWindowEnd",
                        "template.meal-window-min-after", from, to, (length - meal));
            }
            v.require(t.shortBreaks() == null || (t.shortBreaks() >= 0 && t.shortBreaks() <= MAX_SHORT_BREAKS),
                    f + "shortBreaks", "template.shortbreaks", MAX_SHORT_BREAKS);
            v.require(t.shortBreakMinutes() == null || (t.shortBreakMinutes() >= 5
                    && t.shortBreakMinutes() <= MAX_SHORT_BREAK_MINUTES), f + "shortBreakMinutes",
                            "template.shortbreakminutes", MAX_SHORT_BREAK_MINUTES);
            Integer every = t.startEveryMinutes();
            v.require(every == null || (every >= intervalMinutes && every <= 240 && every % intervalMinutes == 0),
                    f + "startEveryMinutes", "template.starteveryminutes-multiple-center-minute", intervalMinutes);
            v.require(onGrid(t.firstStart(), intervalMinutes), f + "firstStart",
                    "template.firststart-center-minute-interval", intervalMinutes);
            v.require(onGrid(t.lastStart(), intervalMinutes), f + "lastStart",
                    "template.laststart-center-minute-interval", intervalMinutes);
            v.require(t.firstStart() == null || t.lastStart() == null || !t.lastStart().isBefore(t.firstStart()),
                    f + "lastStart", "template.laststart-not-before-firststart");
            LocalTime latest = t.lastStart() != null ? t.lastStart() : t.firstStart();
            v.require(!lengthOk || latest == null || minute(latest) + length <= 1440, f + "lastStart",
                    "template.shift-starting-would-end", latest);
        }
    }

    /**
     * The shift options of templates serving {@code skill}, on a horizon whose requirement per slot is
     * {@code required} (for templates whose starts follow the opening hours).
     */
    public static List<ShiftOption> options(List<ShiftTemplate> templates, String skill, int[] required,
            int slotMinutes) {
        int slotsPerDay = 1440 / slotMinutes;
        int open = Integer.MAX_VALUE;
        int close = 0;
        for (int i = 0; i < required.length; i++) {
            if (required[i] > 0) {
                int minute = (i % slotsPerDay) * slotMinutes;
                open = Math.min(open, minute);
                close = Math.max(close, minute + slotMinutes);
            }
        }
        if (open == Integer.MAX_VALUE) {
            open = 8 * 60;
            close = 20 * 60;
        }
        Set<String> ids = new HashSet<>();
        List<ShiftOption> out = new ArrayList<>();
        for (ShiftTemplate t : templates) {
            if (!t.serves(skill)) {
                continue;
            }
            int step = t.startEveryMinutes() != null ? t.startEveryMinutes() : Math.max(30, slotMinutes);
            int first = t.firstStart() != null ? minute(t.firstStart()) : open / step * step;
            int last = t.lastStart() != null ? minute(t.lastStart())
                    : Math.max(first, Math.min(close - t.lengthMinutes(), 1440 - step));
            last = Math.min(last, 1440 - t.lengthMinutes());
            BreakRule rule = t.breakRule();
            for (int start = first; start <= last; start += step) {
                LocalTime at = LocalTime.of(start / 60, start % 60);
                // the plain id of the built-in templates, so stored rosters keep matching; a code where two collide
                String id = skill + "@" + at + "+" + t.lengthMinutes();
                if (!ids.add(id)) {
                    id = id + "/" + t.code();
                    ids.add(id);
                }
                out.add(new ShiftOption(id, skill, at, t.lengthMinutes(), rule,
                        at.isBefore(ShiftOption.DEFAULT_EARLY_BEFORE),
                        start + t.lengthMinutes() > minute(ShiftOption.DEFAULT_LATE_AFTER), t.code()));
            }
        }
        return out;
    }

    private static boolean onGrid(LocalTime t, int intervalMinutes) {
        return t == null || (t.getSecond() == 0 && t.getNano() == 0 && minute(t) % intervalMinutes == 0);
    }

    private static int minute(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
