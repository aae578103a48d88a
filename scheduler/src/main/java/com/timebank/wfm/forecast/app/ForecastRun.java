package com.timebank.wfm.forecast.app;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A stored forecast without its intervals. {@code requestedMethod} null means the method was chosen
 * automatically ({@code selectionNote} says why, {@code selectionBacktestId} holds the scores); {@code asOf} is
 * what the planner asked for, {@code learnedUpTo} the last history day actually used. {@code createdAt} is UTC.
 */
public record ForecastRun(long id, long centerId, String queue, String method, String requestedMethod, LocalDate from,
        LocalDate to, LocalDate asOf, LocalDate learnedUpTo, int intervalMinutes, String selectionNote,
        Long selectionBacktestId, List<String> notes, String createdBy, LocalDateTime createdAt) {

    public ForecastRun {
        notes = List.copyOf(notes);
    }

    public boolean autoSelected() {
        return requestedMethod == null;
    }
}
