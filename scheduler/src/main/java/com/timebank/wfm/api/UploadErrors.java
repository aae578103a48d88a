package com.timebank.wfm.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The problems of one upload, bounded: it keeps the first {@link #MAX_LISTED} by line (in the order they were
 * found within a line) and counts the rest, so a wholly wrong file of a million lines costs a few kilobytes of
 * memory and answer, not a hundred megabytes.
 */
public final class UploadErrors {

    /** Problems listed in one answer. */
    public static final int MAX_LISTED = 1_000;

    private record Entry(FieldError error, long order) {
    }

    /** The kept entries, the one with the highest line (and latest found) on top, to be dropped first. */
    private static final java.util.Comparator<Entry> IN_LINE_ORDER = java.util.Comparator
            .comparing(Entry::error, InvalidInputException.byLine()).thenComparingLong(Entry::order);

    private final PriorityQueue<Entry> kept = new PriorityQueue<>(IN_LINE_ORDER.reversed());
    private final Set<Object> linesSeen = new HashSet<>();
    private final int limit;
    private long found;
    private long moreLines;

    public UploadErrors() {
        this(MAX_LISTED);
    }

    UploadErrors(int limit) {
        this.limit = limit;
    }

    public void add(FieldError error) {
        found++;
        Object where = error.line() != null ? error.line() : error.field();
        if (linesSeen.size() < 100_000) {
            linesSeen.add(where);
        } else if (!linesSeen.contains(where)) {
            moreLines++; // an estimate beyond 100,000 lines: a line with several problems may be counted twice
        }
        kept.add(new Entry(error, found));
        if (kept.size() > limit) {
            kept.poll();
        }
    }

    public boolean isEmpty() {
        return found == 0;
    }

    /** How many problems were found. */
    public int total() {
        return (int) Math.min(found, Integer.MAX_VALUE);
    }

    /** How many lines (or fields) have a problem. */
    public int lines() {
        return (int) Math.min(linesSeen.size() + moreLines, Integer.MAX_VALUE);
    }

    /** The kept problems in line order, those of one line in the order they were found. */
    public List<FieldError> listed() {
        List<Entry> entries = new ArrayList<>(kept);
        entries.sort(IN_LINE_ORDER);
        return entries.stream().map(Entry::error).toList();
    }

    /** Throws the refusal of the whole file if any problem was found. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw InvalidInputException.refusedFile(this);
        }
    }
}
