package com.timebank.wfm.roster.solver;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * An agent and their contract: a problem fact. Build with {@link #builder(String)}.
 * <p>
 * The labour rules that can differ per contract (weekly minutes, minimum rest, maximum consecutive working
 * days, allowed shift lengths) live here, so that the constraints read them straight from the agent instead
 * of joining a settings fact. {@link RosterProblemBuilder} fills in the center defaults.
 */
public final class Agent {

    public static final int DEFAULT_MIN_REST_MINUTES = 11 * 60;
    public static final int DEFAULT_MAX_CONSECUTIVE_WORKING_DAYS = 6;

    @PlanningId
    private final String employeeNo;
    private final String team;
    private final int minWeeklyMinutes;
    private final int maxWeeklyMinutes;
    private final Set<String> skills;
    private final Set<Integer> allowedShiftLengths;
    private final Set<DayOfWeek> preferredDaysOff;
    /** The preferred days off as bits by {@link DayOfWeek#ordinal()}: asked for every candidate shift's value. */
    private final int preferredDaysOffBits;
    private final ShiftTimePreference shiftTimePreference;
    private final long timeBankBalanceSeconds;
    private final int minRestMinutes;
    private final int maxConsecutiveWorkingDays;
    /** When the agent can work (hard); {@link WeeklyAvailability#ALWAYS} when nothing is declared. */
    private final WeeklyAvailability availability;
    /** The shift template the agent would rather work (soft); null for none. */
    private final String preferredTemplate;
    /** Weeks of the horizon (index) under another contract than the agent's own: {min, max} weekly minutes. */
    private final Map<Integer, int[]> weekContracts;

    /** The shift options this agent may be given (skills and allowed lengths); set by the problem builder. */
    private List<ShiftOption> eligibleShiftOptions = List.of();
    /** Fixed shifts just outside the horizon; set by the problem builder. */
    private PeriodEdges edges = PeriodEdges.NONE;
    /** Weeks (index) whose minimum / maximum the inputs alone make impossible: reported, not judged. */
    private Set<Integer> waivedMinimumWeeks = Set.of();
    private Set<Integer> waivedMaximumWeeks = Set.of();
    /** Per contract week: counted minutes and days of the week outside the horizon; set by the problem builder. */
    private java.util.Map<Integer, int[]> outsideHorizonByWeek = java.util.Map.of();

    private Agent(Builder b) {
        this.employeeNo = Objects.requireNonNull(b.employeeNo, "employeeNo");
        this.team = b.team;
        if (b.minWeeklyMinutes < 0 || b.maxWeeklyMinutes < b.minWeeklyMinutes) {
            throw new IllegalArgumentException("Agent " + b.employeeNo + ": weekly minutes must satisfy 0 <= min ("
                    + b.minWeeklyMinutes + ") <= max (" + b.maxWeeklyMinutes + ").");
        }
        this.minWeeklyMinutes = b.minWeeklyMinutes;
        this.maxWeeklyMinutes = b.maxWeeklyMinutes;
        this.skills = Set.copyOf(b.skills);
        this.allowedShiftLengths = Set.copyOf(b.allowedShiftLengths);
        this.preferredDaysOff = b.preferredDaysOff.isEmpty() ? Set.of() : Set.copyOf(b.preferredDaysOff);
        this.preferredDaysOffBits = b.preferredDaysOff.stream().mapToInt(d -> 1 << d.ordinal())
                .reduce(0, (x, y) -> x | y);
        this.shiftTimePreference = Objects.requireNonNull(b.shiftTimePreference);
        this.timeBankBalanceSeconds = b.timeBankBalanceSeconds;
        this.minRestMinutes = b.minRestMinutes;
        this.maxConsecutiveWorkingDays = b.maxConsecutiveWorkingDays;
        this.availability = Objects.requireNonNull(b.availability);
        this.preferredTemplate = b.preferredTemplate;
        b.weekContracts.forEach((week, c) -> {
            if (c[0] < 0 || c[1] < c[0]) {
                throw new IllegalArgumentException("Agent " + b.employeeNo + ", week " + week
                        + ": weekly minutes must satisfy 0 <= min (" + c[0] + ") <= max (" + c[1] + ").");
            }
        });
        this.weekContracts = Map.copyOf(b.weekContracts);
        if (maxConsecutiveWorkingDays < 1) {
            throw new IllegalArgumentException("Agent " + employeeNo + ": max consecutive working days must be >= 1.");
        }
    }

    public static Builder builder(String employeeNo) {
        return new Builder(employeeNo);
    }

    /** Minimum contract minutes for a (possibly partial) week with {@code daysInWeek} days in the horizon. */
    public int minWeeklyMinutesFor(int daysInWeek) {
        return daysInWeek >= 7 ? minWeeklyMinutes : (int) ((long) minWeeklyMinutes * daysInWeek / 7);
    }

    /** Maximum contract minutes for a (possibly partial) week with {@code daysInWeek} days in the horizon. */
    public int maxWeeklyMinutesFor(int daysInWeek) {
        return daysInWeek >= 7 ? maxWeeklyMinutes : (int) (((long) maxWeeklyMinutes * daysInWeek + 6) / 7);
    }

    /** The contract minimum of week {@code week} (the contract valid that week), pro-rated to {@code days}. */
    private int contractMinFor(int week, int days) {
        int min = weekContracts.containsKey(week) ? weekContracts.get(week)[0] : minWeeklyMinutes;
        return days >= 7 ? min : (int) ((long) min * days / 7);
    }

    /** The contract maximum of week {@code week} (the contract valid that week), pro-rated to {@code days}. */
    private int contractMaxFor(int week, int days) {
        int max = weekContracts.containsKey(week) ? weekContracts.get(week)[1] : maxWeeklyMinutes;
        return days >= 7 ? max : (int) (((long) max * days + 6) / 7);
    }

    /**
     * The minimum the horizon's days of contract week {@code week} must reach: the minimum of the contract valid that
     * week for those days plus the planned days of the same week outside the horizon (pro-rated as a whole), less
     * the minutes those outside days already count (published shifts, credited absences).
     */
    public int minWeeklyMinutesIn(int week, int daysInHorizon) {
        int[] outside = outsideHorizonByWeek.get(week);
        return outside == null ? contractMinFor(week, daysInHorizon)
                : contractMinFor(week, daysInHorizon + outside[1]) - outside[0];
    }

    /** {@link #minWeeklyMinutesIn}, or 0 when the week's minimum is waived: what the week must reach. */
    public int requiredWeeklyMinutesIn(int week, int daysInHorizon) {
        return isMinimumWaived(week) ? 0 : minWeeklyMinutesIn(week, daysInHorizon);
    }

    /** The maximum for the horizon's days of contract week {@code week}, as {@link #minWeeklyMinutesIn}. */
    public int maxWeeklyMinutesIn(int week, int daysInHorizon) {
        int[] outside = outsideHorizonByWeek.get(week);
        return outside == null ? contractMaxFor(week, daysInHorizon)
                : contractMaxFor(week, daysInHorizon + outside[1]) - outside[0];
    }

    /** Minutes of contract week {@code week} counted outside the horizon (published shifts, absences). */
    public int minutesOutsideHorizon(int week) {
        int[] outside = outsideHorizonByWeek.get(week);
        return outside == null ? 0 : outside[0];
    }

    void setOutsideHorizonByWeek(java.util.Map<Integer, int[]> minutesAndDaysByWeek) {
        this.outsideHorizonByWeek = java.util.Map.copyOf(minutesAndDaysByWeek);
    }

    public boolean hasSkill(String skill) {
        return skills.contains(skill);
    }

    public boolean prefersDayOff(DayOfWeek dayOfWeek) {
        return (preferredDaysOffBits & 1 << dayOfWeek.ordinal()) != 0;
    }

    /** Whether the contract allows this shift (skill and length), regardless of the day. */
    public boolean isEligibleFor(ShiftOption shift) {
        return hasSkill(shift.getSkill())
                && (allowedShiftLengths.isEmpty() || allowedShiftLengths.contains(shift.getLengthMinutes()));
    }

    /** Positive part of the time-bank balance in whole hours (0 for agents who owe time). */
    public long getPositiveTimeBankHours() {
        return Math.max(0L, timeBankBalanceSeconds) / 3600L;
    }

    public String getEmployeeNo() {
        return employeeNo;
    }

    public String getTeam() {
        return team;
    }

    public int getMinWeeklyMinutes() {
        return minWeeklyMinutes;
    }

    public int getMaxWeeklyMinutes() {
        return maxWeeklyMinutes;
    }

    public Set<String> getSkills() {
        return skills;
    }

    /** Allowed shift lengths in minutes; empty means any length. */
    public Set<Integer> getAllowedShiftLengths() {
        return allowedShiftLengths;
    }

    public Set<DayOfWeek> getPreferredDaysOff() {
        return preferredDaysOff;
    }

    public ShiftTimePreference getShiftTimePreference() {
        return shiftTimePreference;
    }

    public long getTimeBankBalanceSeconds() {
        return timeBankBalanceSeconds;
    }

    public int getMinRestMinutes() {
        return minRestMinutes;
    }

    public int getMaxConsecutiveWorkingDays() {
        return maxConsecutiveWorkingDays;
    }

    public WeeklyAvailability getAvailability() {
        return availability;
    }

    /** Minutes of {@code shift} on a {@code day} outside the agent's weekly availability. */
    public int minutesOutsideAvailability(DayOfWeek day, ShiftOption shift) {
        return availability.minutesOutside(day, shift.getStartMinuteOfDay(), shift.getEndMinuteOfDay());
    }

    public String getPreferredTemplate() {
        return preferredTemplate;
    }

    /** Whether working {@code shift} goes against the agent's preferred shift template. */
    public boolean isPreferredShiftMissedBy(ShiftOption shift) {
        return preferredTemplate != null && !preferredTemplate.equals(shift.getTemplate());
    }

    public List<ShiftOption> getEligibleShiftOptions() {
        return eligibleShiftOptions;
    }

    void setEligibleShiftOptions(List<ShiftOption> eligibleShiftOptions) {
        this.eligibleShiftOptions = List.copyOf(eligibleShiftOptions);
    }

    public PeriodEdges getEdges() {
        return edges;
    }

    void setEdges(PeriodEdges edges) {
        this.edges = Objects.requireNonNull(edges);
    }

    public boolean isMinimumWaived(int weekIndex) {
        return waivedMinimumWeeks.contains(weekIndex);
    }

    public boolean isMaximumWaived(int weekIndex) {
        return waivedMaximumWeeks.contains(weekIndex);
    }

    void waiveWeeks(Set<Integer> minimum, Set<Integer> maximum) {
        this.waivedMinimumWeeks = Set.copyOf(minimum);
        this.waivedMaximumWeeks = Set.copyOf(maximum);
    }

    @Override
    public String toString() {
        return employeeNo;
    }

    public static final class Builder {
        private final String employeeNo;
        private String team = "";
        private int minWeeklyMinutes = 0;
        private int maxWeeklyMinutes = 40 * 60;
        private final Set<String> skills = new LinkedHashSet<>();
        private final Set<Integer> allowedShiftLengths = new LinkedHashSet<>();
        private final Set<DayOfWeek> preferredDaysOff = EnumSet.noneOf(DayOfWeek.class);
        private ShiftTimePreference shiftTimePreference = ShiftTimePreference.NONE;
        private long timeBankBalanceSeconds = 0;
        private int minRestMinutes = DEFAULT_MIN_REST_MINUTES;
        private int maxConsecutiveWorkingDays = DEFAULT_MAX_CONSECUTIVE_WORKING_DAYS;
        private WeeklyAvailability availability = WeeklyAvailability.ALWAYS;
        private String preferredTemplate;
        private final Map<Integer, int[]> weekContracts = new java.util.HashMap<>();

        private Builder(String employeeNo) {
            this.employeeNo = employeeNo;
        }

        public Builder team(String team) {
            this.team = team;
            return this;
        }

        public Builder weeklyMinutes(int min, int max) {
            this.minWeeklyMinutes = min;
            this.maxWeeklyMinutes = max;
            return this;
        }

        /** Another contract for week {@code weekIndex} of the horizon (a contract change takes effect). */
        public Builder weeklyMinutesInWeek(int weekIndex, int min, int max) {
            this.weekContracts.put(weekIndex, new int[] {min, max});
            return this;
        }

        public Builder skills(String... skills) {
            this.skills.addAll(List.of(skills));
            return this;
        }

        public Builder skills(Set<String> skills) {
            this.skills.addAll(skills);
            return this;
        }

        /** Restrict the shift lengths (minutes) this contract may work, e.g. 240 for a 4-hour part-timer. */
        public Builder allowedShiftLengths(Integer... lengths) {
            this.allowedShiftLengths.addAll(List.of(lengths));
            return this;
        }

        public Builder allowedShiftLengths(Set<Integer> lengths) {
            this.allowedShiftLengths.addAll(lengths);
            return this;
        }

        public Builder preferredDaysOff(DayOfWeek... days) {
            this.preferredDaysOff.addAll(List.of(days));
            return this;
        }

        public Builder preferredDaysOff(Set<DayOfWeek> days) {
            this.preferredDaysOff.addAll(days);
            return this;
        }

        public Builder shiftTimePreference(ShiftTimePreference preference) {
            this.shiftTimePreference = preference;
            return this;
        }

        public Builder timeBankBalanceSeconds(long seconds) {
            this.timeBankBalanceSeconds = seconds;
            return this;
        }

        public Builder minRestMinutes(int minutes) {
            this.minRestMinutes = minutes;
            return this;
        }

        public Builder maxConsecutiveWorkingDays(int days) {
            this.maxConsecutiveWorkingDays = days;
            return this;
        }

        public Builder availability(WeeklyAvailability availability) {
            this.availability = availability;
            return this;
        }

        /** The code of the shift template the agent would rather work; null for none. */
        public Builder preferredTemplate(String templateCode) {
            this.preferredTemplate = templateCode;
            return this;
        }

        public Agent build() {
            return new Agent(this);
        }
    }
}
