package com.timebank.wfm.availability;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.TimeOfDay;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/**
 * Agents' availability and preferences. Weekly windows and dated unavailability are entered by the agent's lead, a
 * planner of the center or an admin, and read by them and the agent; preferences are entered by the agent and read by
 * them, their lead and planners. Every change is audited. Out-of-range input is refused with 422 naming the field
 * (codes {@code range.availability.*}).
 */
@Service
public class AvailabilityService {

    /** Windows per agent (a few per day). */
    static final int MAX_WINDOWS = 21;
    /** Preferred days off: a wish, not a second contract. */
    static final int MAX_DAYS_OFF = 3;
    static final int MAX_REASON = 200;
    /** Longest range of dated unavailability one read returns. */
    static final int MAX_SPAN_DAYS = 366;
    static final int DEFAULT_SPAN_DAYS = 92;

    private final AvailabilityRepository repository;
    private final OrganisationService organisation;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    AvailabilityService(AvailabilityRepository repository, OrganisationService organisation,
            Transactions transactions, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A weekly window: [startMinute, endMinute) of the center's local day. */
    public record Window(DayOfWeek day, int startMinute, int endMinute) {
    }

    /** A dated unavailability; the whole day when the minutes are null. */
    public record DatedUnavailability(long id, long agentId, LocalDate date, Integer startMinute, Integer endMinute,
            String reason) {

        public boolean wholeDay() {
            return startMinute == null;
        }
    }

    public enum ShiftTime {
        NONE, EARLY, LATE
    }

    /** A day of the week by the name the availability pages give it, as an argument of a message. */
    static Message dayName(DayOfWeek day) {
        return Message.of("availability.day." + day);
    }

    public record Preferences(Set<DayOfWeek> daysOff, ShiftTime shiftTime, String shiftTemplate) {

        public static final Preferences NONE = new Preferences(Set.of(), ShiftTime.NONE, null);

        public Preferences {
            daysOff = daysOff.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(daysOff));
        }
    }

    /** What a roster needs of one agent. */
    public record ForRoster(List<Window> windows, List<DatedUnavailability> unavailability, Preferences preferences) {
    }

    // ---- API views and inputs ----

    public record WindowView(DayOfWeek day, String from, String to) {
        static WindowView of(Window w) {
            return new WindowView(w.day(), TimeOfDay.format(w.startMinute()), TimeOfDay.format(w.endMinute()));
        }
    }

    public record Weekly(String employeeNo, List<WindowView> windows) {
    }

    public record WindowInput(String day, String from, String to) {
    }

    public record UnavailabilityView(long id, LocalDate date, String from, String to, boolean wholeDay,
            String reason) {
        static UnavailabilityView of(DatedUnavailability u) {
            return new UnavailabilityView(u.id(), u.date(), u.wholeDay() ? null : TimeOfDay.format(u.startMinute()),
                    u.wholeDay() ? null : TimeOfDay.format(u.endMinute()), u.wholeDay(), u.reason());
        }
    }

    public record NewUnavailability(LocalDate date, String from, String to, String reason) {
    }

    public record PreferencesView(String employeeNo, List<DayOfWeek> daysOff, ShiftTime shiftTime,
            String shiftTemplate) {
        static PreferencesView of(String employeeNo, Preferences p) {
            return new PreferencesView(employeeNo, p.daysOff().stream().sorted().toList(), p.shiftTime(),
                    p.shiftTemplate());
        }
    }

    public record PreferencesInput(List<String> daysOff, String shiftTime, String shiftTemplate) {
    }

    // ---- weekly windows ----

    @Transactional(readOnly = true)
    public Weekly weekly(String employeeNo, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        return weekly(agent);
    }

    /** Replaces the agent's weekly windows (none: available at any time); the agent's lead or a planner. */
    public Weekly replaceWeekly(String employeeNo, List<WindowInput> windows, CurrentUser user) {
        Agent agent = editable(employeeNo, user);
        List<Window> parsed = parseWindows(windows);
        transactions.write(() -> {
            repository.replaceWindows(agent.id(), parsed);
            // days by the names the availability pages give them
            audit.record(user.actor(), AuditAction.AVAILABILITY_CHANGED, "agent:" + agent.employeeNo(),
                    parsed.isEmpty() ? Message.of("audit.availability-any-time")
                            : Message.of("audit.availability-changed", parsed.stream()
                                    .map(w -> Message.of("audit.window", dayName(w.day()),
                                            TimeOfDay.format(w.startMinute()), TimeOfDay.format(w.endMinute())))
                                    .toList()));
            return null;
        });
        return weekly(agent);
    }

    /** Every field error of a list of windows: day, times of day, to after from, no overlap on a day. */
    static List<Window> parseWindows(List<WindowInput> windows) {
        Validation v = new Validation();
        List<WindowInput> given = windows == null ? List.of() : windows;
        v.require(given.size() <= MAX_WINDOWS, "windows", "range.availability.most-windows", MAX_WINDOWS);
        List<Window> parsed = new ArrayList<>();
        for (int i = 0; i < Math.min(given.size(), MAX_WINDOWS); i++) {
            String f = "windows[" + i + "].";
            WindowInput w = given.get(i);
            if (w == null) {
                v.require(false, "windows[" + i + "]", "range.availability.window-required");
                continue;
            }
            DayOfWeek day = dayOf(w.day());
            v.require(day != null, f + "day", "range.availability.day");
            Integer from = TimeOfDay.parse(w.from());
            Integer to = TimeOfDay.parse(w.to());
            v.require(from != null && from < 1440, f + "from", "range.availability.time");
            v.require(to != null, f + "to", "range.availability.time");
            if (from != null && to != null) {
                v.require(to > from, f + "to", "range.availability.to-after-from");
            }
            if (day != null && from != null && to != null && to > from) {
                Window window = new Window(day, from, to);
                boolean overlaps = parsed.stream().anyMatch(o -> o.day() == day && o.startMinute() < to
                        && from < o.endMinute());
                v.require(!overlaps, f + "from", "range.availability.windows-overlap", day);
                parsed.add(window);
            }
        }
        v.throwIfInvalid();
        parsed.sort(Comparator.comparing(Window::day).thenComparingInt(Window::startMinute));
        return parsed;
    }

    // ---- dated unavailability ----

    /** The agent's dated unavailability from..to (default: today and the next 92 days; at most 366 days). */
    @Transactional(readOnly = true)
    public List<UnavailabilityView> unavailability(String employeeNo, LocalDate from, LocalDate to, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        LocalDate start = from != null ? from : organisation.centerById(agent.centerId()).today(clock);
        LocalDate end = to != null ? to : start.plusDays(DEFAULT_SPAN_DAYS);
        Validation v = new Validation();
        v.require(!end.isBefore(start), "to", "range.availability.to-not-before-from");
        v.require(ChronoUnit.DAYS.between(start, end) < MAX_SPAN_DAYS, "to", "range.availability.span", MAX_SPAN_DAYS);
        v.throwIfInvalid();
        return repository.unavailability(List.of(agent.id()), start, end).stream().map(UnavailabilityView::of).toList();
    }

    /** Training, a doctor's appointment: a whole day, or from..to on that day; the agent's lead or a planner. */
    public UnavailabilityView addUnavailability(String employeeNo, NewUnavailability u, CurrentUser user) {
        Agent agent = editable(employeeNo, user);
        Validation v = new Validation();
        v.require(u != null && u.date() != null, "date", "range.availability.date-required");
        String reason = u == null || u.reason() == null ? "" : u.reason().trim();
        v.require(!reason.isEmpty() && reason.length() <= MAX_REASON, "reason", "range.availability.reason",
                MAX_REASON);
        Integer[] minutes = TimeOfDay.partOfDay(u == null ? null : u.from(), u == null ? null : u.to(), "from", "to", v);
        v.throwIfInvalid();
        LocalDateTime now = now();
        long id = transactions.write(() -> {
            long inserted = repository.insertUnavailability(agent.id(), u.date(), minutes[0], minutes[1], reason,
                    user.actor(), now);
            audit.record(user.actor(), AuditAction.UNAVAILABILITY_ADDED, "agent:" + agent.employeeNo(),
                    minutes[0] == null ? Message.of("audit.unavailability.whole-day", u.date(), reason)
                            : Message.of("audit.unavailability.part", u.date(), TimeOfDay.format(minutes[0]),
                                    TimeOfDay.format(minutes[1]), reason));
            return inserted;
        });
        return UnavailabilityView.of(new DatedUnavailability(id, agent.id(), u.date(), minutes[0], minutes[1], reason));
    }

    public void removeUnavailability(String employeeNo, long id, CurrentUser user) {
        Agent agent = editable(employeeNo, user);
        DatedUnavailability u = repository.unavailability(agent.id(), id)
                .orElseThrow(() -> new NotFoundException("Unavailability", id));
        transactions.write(() -> {
            repository.deleteUnavailability(u.id());
            audit.record(user.actor(), AuditAction.UNAVAILABILITY_REMOVED, "agent:" + agent.employeeNo(),
                    Message.of("audit.unavailability-removed", u.date(), u.reason()));
            return null;
        });
    }

    // ---- preferences ----

    @Transactional(readOnly = true)
    public PreferencesView preferences(String employeeNo, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        return PreferencesView.of(agent.employeeNo(), preferencesOf(agent.id()));
    }

    /** The agent's own preferences (only the agent enters them). */
    public PreferencesView savePreferences(String employeeNo, PreferencesInput input, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        if (user.agentId() == null || user.agentId() != agent.id()) {
            throw ForbiddenException.of("availability.only-agent-preferences");
        }
        Preferences p = parsePreferences(input);
        transactions.write(() -> {
            repository.savePreferences(agent.id(), p, user.actor(), now());
            audit.record(user.actor(), AuditAction.PREFERENCES_CHANGED, "agent:" + agent.employeeNo(),
                    Message.of("audit.preferences-changed",
                            AuditDetail.list(p.daysOff().stream().sorted().map(AvailabilityService::dayName).toList()),
                            Message.of("availability.shift-time." + p.shiftTime()),
                            AuditDetail.orNone(p.shiftTemplate())));
            return null;
        });
        return PreferencesView.of(agent.employeeNo(), p);
    }

    static Preferences parsePreferences(PreferencesInput input) {
        Validation v = new Validation();
        List<String> days = input == null || input.daysOff() == null ? List.of() : input.daysOff();
        Set<DayOfWeek> daysOff = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            DayOfWeek day = dayOf(days.get(i));
            v.require(day != null, "daysOff[" + i + "]", "range.availability.day");
            if (day != null) {
                daysOff.add(day);
            }
        }
        v.require(daysOff.size() <= MAX_DAYS_OFF && days.size() <= 7, "daysOff", "range.availability.most-days-off",
                MAX_DAYS_OFF);
        ShiftTime shiftTime = ShiftTime.NONE;
        String time = input == null ? null : input.shiftTime();
        if (time != null && !time.isBlank()) {
            try {
                shiftTime = ShiftTime.valueOf(time.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.require(false, "shiftTime", "range.availability.shift-time");
            }
        }
        String template = input == null || input.shiftTemplate() == null || input.shiftTemplate().isBlank() ? null
                : input.shiftTemplate().trim();
        v.require(template == null || template.matches("[A-Za-z0-9_-]{1,32}"), "shiftTemplate",
                "range.availability.shift-template");
        v.throwIfInvalid();
        return new Preferences(daysOff, shiftTime, template);
    }

    // ---- for rosters ----

    /** Windows, dated unavailability from..to and preferences of the agents (no scope: the roster checked it). */
    @Transactional(readOnly = true)
    public Map<Long, ForRoster> forRoster(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        Map<Long, List<Window>> windows = new HashMap<>();
        repository.windows(agentIds).forEach(w -> windows.computeIfAbsent(w.agentId(), k -> new ArrayList<>())
                .add(w.window()));
        Map<Long, List<DatedUnavailability>> dated = new HashMap<>();
        if (!agentIds.isEmpty()) {
            repository.unavailability(agentIds, from, to).forEach(u -> dated.computeIfAbsent(u.agentId(),
                    k -> new ArrayList<>()).add(u));
        }
        Map<Long, Preferences> preferences = new HashMap<>();
        if (!agentIds.isEmpty()) {
            repository.preferences(agentIds).forEach(p -> preferences.put(p.agentId(), p.preferences()));
        }
        Map<Long, ForRoster> out = new HashMap<>();
        for (Long id : agentIds) {
            out.put(id, new ForRoster(windows.getOrDefault(id, List.of()), dated.getOrDefault(id, List.of()),
                    preferences.getOrDefault(id, Preferences.NONE)));
        }
        return out;
    }

    // ---- helpers ----

    private Weekly weekly(Agent agent) {
        return new Weekly(agent.employeeNo(), repository.windows(List.of(agent.id())).stream()
                .map(w -> WindowView.of(w.window())).toList());
    }

    private Preferences preferencesOf(long agentId) {
        return repository.preferences(List.of(agentId)).stream().findFirst()
                .map(AvailabilityRepository.AgentPreferences::preferences).orElse(Preferences.NONE);
    }

    /** The agent if the user may change their availability: the agent's lead, a planner of the center, an admin. */
    private Agent editable(String employeeNo, CurrentUser user) {
        Agent agent = organisation.agent(employeeNo, user);
        if (!user.leadsAgent(agent.centerId(), agent.teamId())) {
            throw ForbiddenException.of("availability.only-lead-or-planner");
        }
        return agent;
    }

    private static DayOfWeek dayOf(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
