package com.timebank.wfm.forecast.app;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.forecast.Note;

/**
 * A stored forecast without its intervals. {@code requestedMethod} null means the method was chosen
 * automatically ({@code selectionNote} says why, {@code selectionBacktestId} holds the scores); {@code asOf} is
 * what the planner asked for, {@code learnedUpTo} the last history day actually used. {@code createdAt} is UTC.
 */
public record ForecastRun(long id, long centerId, String queue, String method, String requestedMethod, LocalDate from,
        LocalDate to, LocalDate asOf, LocalDate learnedUpTo, int intervalMinutes, Note selectionNote,
        Long selectionBacktestId, List<Note> notes, String createdBy, LocalDateTime createdAt) {

    public ForecastRun {
        notes = List.copyOf(notes);
    }

    /** Why this method, in the reader's language (null when the planner chose it). */
    public Message selectionMessage() {
        return NoteJson.message(selectionNote);
    }

    public List<Message> noteMessages() {
        return notes.stream().map(NoteJson::message).toList();
    }

    public boolean autoSelected() {
        return requestedMethod == null;
    }
}
