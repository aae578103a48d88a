package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A forecast of {@code from..to} made by {@code method} from history up to {@code learnedUpTo}.
 * Only open intervals are listed; {@code closedDays} are the days predicted closed (nothing forecast).
 * {@code notes} explain choices a planner may want to know about (method selection, ignored special days,
 * how the prediction intervals were calibrated).
 */
public record Forecast(String method, LocalDate from, LocalDate to, LocalDate learnedUpTo, int intervalMinutes,
                       List<IntervalForecast> intervals, List<LocalDate> closedDays, List<Note> notes) {

    public Forecast {
        intervals = List.copyOf(intervals);
        closedDays = List.copyOf(closedDays);
        notes = List.copyOf(notes);
    }

    public List<IntervalForecast> intervalsOn(LocalDate date) {
        return intervals.stream().filter(i -> i.start().toLocalDate().equals(date)).toList();
    }

    /** Expected contacts of a day (0 for a closed day). */
    public double dayTotal(LocalDate date) {
        return intervalsOn(date).stream().mapToDouble(IntervalForecast::contacts).sum();
    }

    public Optional<IntervalForecast> at(LocalDateTime start) {
        return intervals.stream().filter(i -> i.start().equals(start)).findFirst();
    }

    /** The same forecast with a different method label and extra notes (e.g. after automatic selection). */
    public Forecast withMethodAndNote(String methodName, Note note) {
        List<Note> n = new ArrayList<>(notes);
        n.add(0, note);
        return new Forecast(methodName, from, to, learnedUpTo, intervalMinutes, intervals, closedDays, n);
    }
}
