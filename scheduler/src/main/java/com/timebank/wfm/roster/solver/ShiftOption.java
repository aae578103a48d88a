package com.timebank.wfm.roster.solver;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A date-independent shift template: a start time on the interval grid, a length and the queue (skill) it
 * works. One option is one planning value; "day off" is the {@code null} value of {@link AgentDay#getShift()}.
 * <p>
 * Everything the constraints need is precomputed here (minute of day, end, paid minutes, early/late), so
 * the score calculation never does date-time arithmetic.
 */
public final class ShiftOption {

    /** Shifts starting before this time are early shifts. */
    public static final LocalTime DEFAULT_EARLY_BEFORE = LocalTime.of(9, 0);
    /** Shifts ending after this time (same day) are late shifts. */
    public static final LocalTime DEFAULT_LATE_AFTER = LocalTime.of(20, 0);

    @PlanningId
    private final String id;
    private final String skill;
    private final LocalTime start;
    private final int lengthMinutes;
    private final BreakRule breakRule;
    private final List<ShiftBreaks.Offset> breakOffsets;
    private final int startMinuteOfDay;
    private final int paidMinutes;
    private final boolean early;
    private final boolean late;
    /** The code of the shift template this option starts, null when made elsewhere (a published import). */
    private final String template;

    public ShiftOption(String id, String skill, LocalTime start, int lengthMinutes, BreakRule breakRule,
            boolean early, boolean late) {
        this(id, skill, start, lengthMinutes, breakRule, early, late, null);
    }

    public ShiftOption(String id, String skill, LocalTime start, int lengthMinutes, BreakRule breakRule,
            boolean early, boolean late, String template) {
        this.template = template;
        this.id = Objects.requireNonNull(id, "id");
        this.skill = Objects.requireNonNull(skill, "skill");
        this.start = Objects.requireNonNull(start, "start");
        if (lengthMinutes <= 0 || lengthMinutes > 16 * 60) {
            throw new IllegalArgumentException("Shift length (" + lengthMinutes + " min) must be in (0, 16 h].");
        }
        this.lengthMinutes = lengthMinutes;
        this.breakRule = Objects.requireNonNull(breakRule, "breakRule");
        this.breakOffsets = ShiftBreaks.of(lengthMinutes, breakRule);
        this.startMinuteOfDay = start.getHour() * 60 + start.getMinute();
        this.paidMinutes = lengthMinutes - breakRule.mealBreakMinutes();
        this.early = early;
        this.late = late;
    }

    /**
     * A template with the {@link BreakRule#standard standard break rule} and the default early/late
     * classification; the id is {@code skill@HH:mm+lengthMinutes}.
     */
    public static ShiftOption of(String skill, LocalTime start, int lengthMinutes, int mealBreakMinutes) {
        int startMinute = start.getHour() * 60 + start.getMinute();
        int endMinute = startMinute + lengthMinutes;
        boolean early = start.isBefore(DEFAULT_EARLY_BEFORE);
        boolean late = endMinute > DEFAULT_LATE_AFTER.getHour() * 60 + DEFAULT_LATE_AFTER.getMinute();
        return new ShiftOption(skill + "@" + start + "+" + lengthMinutes, skill, start, lengthMinutes,
                BreakRule.standard(lengthMinutes, mealBreakMinutes), early, late);
    }

    public String getId() {
        return id;
    }

    /** The queue/skill this shift works; the agent must have it. */
    public String getSkill() {
        return skill;
    }

    public LocalTime getStart() {
        return start;
    }

    public int getStartMinuteOfDay() {
        return startMinuteOfDay;
    }

    /** End as minutes after the start of the shift's day; above 1440 for shifts that end after midnight. */
    public int getEndMinuteOfDay() {
        return startMinuteOfDay + lengthMinutes;
    }

    public int getLengthMinutes() {
        return lengthMinutes;
    }

    /** Length minus the unpaid meal break: what counts towards the weekly contract. */
    public int getPaidMinutes() {
        return paidMinutes;
    }

    public BreakRule getBreakRule() {
        return breakRule;
    }

    /** Where this shift's breaks fall ({@link ShiftBreaks}): fixed per option, so its net coverage is too. */
    public List<ShiftBreaks.Offset> getBreakOffsets() {
        return breakOffsets;
    }

    /** The breaks of this shift worked on {@code date}. */
    public List<PlannedBreak> breaksOn(LocalDate date) {
        return ShiftBreaks.at(date.atTime(start), breakOffsets);
    }

    public boolean isEarly() {
        return early;
    }

    public boolean isLate() {
        return late;
    }

    /** The code of the shift template this option starts, or null. */
    public String getTemplate() {
        return template;
    }

    @Override
    public String toString() {
        return id;
    }
}
