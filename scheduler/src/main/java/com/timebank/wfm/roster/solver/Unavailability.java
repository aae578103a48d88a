package com.timebank.wfm.roster.solver;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A period in which an agent must not work: approved leave, approved time off, or declared unavailability.
 * Times are center-local. {@code creditedMinutes} is how much of the weekly contract the absence counts for
 * (a paid leave day typically credits the agent's contractual day; declared unavailability credits nothing).
 */
public final class Unavailability {

    @PlanningId
    private final String id;
    private final Agent agent;
    private final UnavailabilityType type;
    private final LocalDateTime start;
    private final LocalDateTime end;
    private final int creditedMinutes;
    private final long startMinute;
    private final long endMinute;

    public Unavailability(String id, Agent agent, UnavailabilityType type, LocalDateTime start, LocalDateTime end,
            int creditedMinutes) {
        this.id = Objects.requireNonNull(id, "id");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.type = Objects.requireNonNull(type, "type");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("Unavailability " + id + " ends (" + end + ") before it starts (" + start + ").");
        }
        this.creditedMinutes = creditedMinutes;
        this.startMinute = localMinute(start);
        this.endMinute = localMinute(end);
    }

    /** A whole calendar day of leave or time off. */
    public static Unavailability fullDay(Agent agent, LocalDate date, UnavailabilityType type, int creditedMinutes) {
        return new Unavailability(agent.getEmployeeNo() + "/" + date + "/" + type, agent, type,
                date.atStartOfDay(), date.plusDays(1).atStartOfDay(), creditedMinutes);
    }

    /** Declared unavailability within one day, e.g. 17:00–24:00 ({@code to} of midnight means end of day). */
    public static Unavailability window(Agent agent, LocalDate date, LocalTime from, LocalTime to) {
        LocalDateTime end = to.equals(LocalTime.MIDNIGHT) ? date.plusDays(1).atStartOfDay() : date.atTime(to);
        return new Unavailability(agent.getEmployeeNo() + "/" + date + "/" + from, agent,
                UnavailabilityType.UNAVAILABLE, date.atTime(from), end, 0);
    }

    /** Center-local date-time as minutes since the epoch (no zone rules: the whole model is in local time). */
    static long localMinute(LocalDateTime dateTime) {
        return dateTime.toEpochSecond(ZoneOffset.UTC) / 60L;
    }

    /** Minutes of overlap with [{@code fromMinute}, {@code toMinute}) in {@link #localMinute} units. */
    public long overlapMinutes(long fromMinute, long toMinute) {
        return Math.max(0L, Math.min(endMinute, toMinute) - Math.max(startMinute, fromMinute));
    }

    public boolean coversWholeDay(LocalDate date) {
        return !start.isAfter(date.atStartOfDay()) && !end.isBefore(date.plusDays(1).atStartOfDay());
    }

    public String getId() {
        return id;
    }

    public Agent getAgent() {
        return agent;
    }

    public UnavailabilityType getType() {
        return type;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public int getCreditedMinutes() {
        return creditedMinutes;
    }

    @Override
    public String toString() {
        return type + " " + agent + " " + start + "–" + end;
    }
}
