package com.timebank.wfm.history;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.InvalidInputException;

/**
 * An interval-history upload (CSV or JSON) checked as a whole and summed into the center's intervals.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code interval_start} is center local time {@code YYYY-MM-DDTHH:MM} on a 5-minute grid (the finest
 *       interval any center has), or on the grid of the upload's declared {@code intervalMinutes};</li>
 *   <li>rows finer than the center's interval are summed into it, AHT weighted by contacts;</li>
 *   <li>an upload declared coarser than the center's interval is refused (it cannot be split honestly);</li>
 *   <li>a queue and interval start may appear once per upload;</li>
 *   <li>any bad row refuses the whole upload, with every bad line listed.</li>
 * </ul>
 * Pure: no database, no Spring.
 */
public final class HistoryUpload {

    /** Supported interval lengths of data: they divide an hour, and so every center interval that they fit. */
    static final Set<Integer> DATA_INTERVALS = Set.of(5, 10, 15, 20, 30, 60);
    static final int FINEST_GRID_MINUTES = 5;
    static final int MAX_ROWS = 500_000;
    static final int MAX_CONTACTS = 1_000_000;
    static final int MAX_AHT_SECONDS = 86_400;
    static final int MAX_QUEUE_LENGTH = 64;
    /** Errors listed in one answer; a wholly wrong file should not produce a megabyte of problems. */
    static final int MAX_LISTED_ERRORS = 1_000;

    /** Marks a CSV number that could not be read (and was reported) so that it is not reported twice. */
    private static final int UNREADABLE = Integer.MIN_VALUE;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    private static final String[] REQUIRED_COLUMNS = {"interval_start", "contacts", "aht_seconds"};
    private static final Set<String> KNOWN_COLUMNS = Set.of("interval_start", "contacts", "aht_seconds", "queue");

    /**
     * One row as uploaded. {@code line} is the CSV line (1 = header), null for JSON, where {@code index} (0-based)
     * locates the row. Null values are missing values.
     */
    public record Row(Integer line, int index, String intervalStart, String queue, Integer contacts, Integer ahtSeconds) {
    }

    /** The rows summed into the center's intervals, ready to store. */
    public record Result(int rows, List<ContactVolume> intervals) {
    }

    private HistoryUpload() {
    }

    /** Reads a CSV upload; structural problems (header, column counts, numbers) are collected, not thrown. */
    public static List<Row> readCsv(String text, List<FieldError> errors) {
        List<Row> rows = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        int[] newlines = newlines(body);
        try (Reader reader = new StringReader(body); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                errors.add(FieldError.atLine(1, "header", "The file is empty; the first line must be the header "
                        + "interval_start,contacts,aht_seconds (queue optional)"));
                return rows;
            }
            boolean headerOk = true;
            for (String column : header.keySet()) {
                if (!KNOWN_COLUMNS.contains(column)) {
                    errors.add(FieldError.atLine(1, column, "Unknown column '" + column
                            + "'; the columns are interval_start, contacts, aht_seconds and optionally queue"));
                    headerOk = false;
                }
            }
            for (String column : REQUIRED_COLUMNS) {
                if (!header.containsKey(column)) {
                    errors.add(FieldError.atLine(1, column, "Missing column '" + column + "' in the header"));
                    headerOk = false;
                }
            }
            if (!headerOk) {
                return rows;
            }
            int index = 0;
            for (CSVRecord record : parser) {
                int line = lineOf(body, newlines, record.getCharacterPosition());
                if (!record.isConsistent()) {
                    errors.add(FieldError.atLine(line, "line", "Expected " + header.size() + " values, found "
                            + record.size()));
                    index++;
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    errors.add(FieldError.atLine(line, "line", "More than " + MAX_ROWS + " rows; split the upload"));
                    break;
                }
                Integer contacts = integer(record.get("contacts"), line, "contacts", errors);
                Integer aht = integer(record.get("aht_seconds"), line, "aht_seconds", errors);
                String queue = header.containsKey("queue") ? record.get("queue") : null;
                rows.add(new Row(line, index++, record.get("interval_start"), queue, contacts, aht));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(FieldError.atLine(errors.isEmpty() ? 1 : lastLine(errors), "line",
                    "Unreadable CSV: " + firstLine(e.getMessage())));
        }
        return rows;
    }

    /**
     * Checks every row and sums them into the center's intervals.
     *
     * @param centerMinutes   the center's interval length
     * @param declaredMinutes the upload's interval length if the client states it, else null
     * @param structural      errors found while reading (listed together with the row errors)
     * @throws InvalidInputException listing every bad row; nothing may be stored then
     */
    public static Result check(int centerMinutes, Integer declaredMinutes, List<Row> rows, List<FieldError> structural) {
        List<FieldError> errors = new ArrayList<>(structural);
        if (declaredMinutes != null) {
            if (!DATA_INTERVALS.contains(declaredMinutes)) {
                throw InvalidInputException.of("intervalMinutes",
                        "intervalMinutes must be one of 5, 10, 15, 20, 30 or 60, was " + declaredMinutes);
            }
            if (declaredMinutes > centerMinutes) {
                throw InvalidInputException.of("intervalMinutes", declaredMinutes + "-minute data is coarser than the "
                        + "center's " + centerMinutes + "-minute intervals and cannot be split; send "
                        + centerMinutes + "-minute or finer data");
            }
            if (centerMinutes % declaredMinutes != 0) {
                throw InvalidInputException.of("intervalMinutes", declaredMinutes + "-minute intervals do not add up "
                        + "to the center's " + centerMinutes + "-minute intervals");
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw InvalidInputException.of("rows", "The upload has no rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw InvalidInputException.of("rows", "More than " + MAX_ROWS + " rows; split the upload");
        }
        int grid = declaredMinutes == null ? FINEST_GRID_MINUTES : declaredMinutes;
        Map<Key, Integer> seen = new HashMap<>();
        Map<Key, Sum> sums = new LinkedHashMap<>();
        for (Row r : rows) {
            int before = errors.size();
            // a number the CSV reader could not parse is already reported
            boolean unreadable = r.contacts() != null && r.contacts() == UNREADABLE
                    || r.ahtSeconds() != null && r.ahtSeconds() == UNREADABLE;
            LocalDateTime start = null;
            if (r.intervalStart() == null || r.intervalStart().isBlank()) {
                errors.add(error(r, "interval_start", "intervalStart", "interval_start is required"));
            } else {
                try {
                    start = LocalDateTime.parse(r.intervalStart().trim(), LOCAL);
                } catch (DateTimeParseException e) {
                    errors.add(error(r, "interval_start", "intervalStart", "'" + r.intervalStart()
                            + "' is not a local date and time YYYY-MM-DDTHH:MM"));
                }
            }
            if (start != null) {
                int minuteOfDay = start.getHour() * 60 + start.getMinute();
                if (start.getSecond() != 0 || start.getNano() != 0 || minuteOfDay % grid != 0) {
                    errors.add(error(r, "interval_start", "intervalStart", r.intervalStart().trim()
                            + " is off the " + grid + "-minute grid" + (declaredMinutes == null
                            ? " (interval starts are whole multiples of 5 minutes)" : " of this upload")));
                    start = null;
                }
            }
            String queue = r.queue() == null || r.queue().isBlank() ? ContactVolume.DEFAULT_QUEUE : r.queue().trim();
            if (queue.length() > MAX_QUEUE_LENGTH) {
                errors.add(error(r, "queue", "queue", "queue must be at most " + MAX_QUEUE_LENGTH + " characters"));
            }
            if (r.contacts() == null) {
                errors.add(error(r, "contacts", "contacts", "contacts is required"));
            } else if (r.contacts() == UNREADABLE) {
                // reported by the reader
            } else if (r.contacts() < 0 || r.contacts() > MAX_CONTACTS) {
                errors.add(error(r, "contacts", "contacts", "contacts must be between 0 and " + MAX_CONTACTS
                        + ", was " + r.contacts()));
            }
            if (r.ahtSeconds() == null) {
                errors.add(error(r, "aht_seconds", "ahtSeconds", "aht_seconds is required"));
            } else if (r.ahtSeconds() == UNREADABLE) {
                // reported by the reader
            } else if (r.ahtSeconds() < 0 || r.ahtSeconds() > MAX_AHT_SECONDS) {
                errors.add(error(r, "aht_seconds", "ahtSeconds", "aht_seconds must be between 0 and "
                        + MAX_AHT_SECONDS + ", was " + r.ahtSeconds()));
            } else if (r.ahtSeconds() == 0 && r.contacts() != null && r.contacts() > 0) {
                errors.add(error(r, "aht_seconds", "ahtSeconds", "aht_seconds must be above 0 when there are contacts"));
            }
            if (start != null) {
                Key exact = new Key(queue, start);
                Integer first = seen.putIfAbsent(exact, r.line() != null ? r.line() : r.index());
                if (first != null) {
                    errors.add(error(r, "interval_start", "intervalStart", "Interval " + r.intervalStart().trim()
                            + (queue.equals(ContactVolume.DEFAULT_QUEUE) ? "" : " of queue " + queue)
                            + " repeats " + (r.line() != null ? "line " + first : "row [" + first + "]")));
                }
            }
            if (errors.size() == before && !unreadable) {
                LocalDateTime slot = start.toLocalDate().atStartOfDay()
                        .plusMinutes((start.getHour() * 60 + start.getMinute()) / centerMinutes * centerMinutes);
                sums.computeIfAbsent(new Key(queue, slot), k -> new Sum()).add(r.contacts(), r.ahtSeconds());
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        List<ContactVolume> intervals = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> intervals.add(new ContactVolume(k.queue(), k.start(), Math.toIntExact(s.contacts),
                s.aht())));
        return new Result(rows.size(), intervals);
    }

    private static InvalidInputException invalid(List<FieldError> errors) {
        if (errors.stream().allMatch(e -> e.line() != null)) {
            errors.sort(java.util.Comparator.comparing(FieldError::line)); // stable: a line's errors keep their order
        }
        long lines = errors.stream().map(e -> e.line() != null ? (Object) e.line() : e.field()).distinct().count();
        List<FieldError> listed = errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS) : errors;
        String detail = "The upload was refused and nothing was stored: " + errors.size() + " problem"
                + (errors.size() == 1 ? "" : "s") + " in " + lines + (lines == 1 ? " row" : " rows")
                + (listed.size() < errors.size() ? "; the first " + listed.size() + " are listed" : "");
        return new InvalidInputException(detail, listed);
    }

    private static FieldError error(Row r, String csvField, String jsonField, String message) {
        return r.line() != null ? FieldError.atLine(r.line(), csvField, message)
                : FieldError.of("[" + r.index() + "]." + jsonField, message);
    }

    private static Integer integer(String text, int line, String field, List<FieldError> errors) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(FieldError.atLine(line, field, "'" + text + "' is not a whole number"));
            return UNREADABLE;
        }
    }

    /** Positions of the line feeds in the text. */
    private static int[] newlines(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        int[] at = new int[n];
        for (int i = 0, k = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                at[k++] = i;
            }
        }
        return at;
    }

    /**
     * The 1-based line where a record starts: one more than the line feeds before it. A record's position may
     * point at the empty lines skipped before it, so those are stepped over first.
     */
    private static int lineOf(String text, int[] newlines, long position) {
        int p = (int) position;
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        int i = java.util.Arrays.binarySearch(newlines, p);
        return (i >= 0 ? i : -i - 1) + 1;
    }

    private static int lastLine(List<FieldError> errors) {
        Integer line = errors.get(errors.size() - 1).line();
        return line == null ? 1 : line;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private record Key(String queue, LocalDateTime start) {
    }

    private static final class Sum {
        long contacts;
        long weightedAht;
        long ahtSum;
        int parts;

        void add(int c, int aht) {
            contacts += c;
            weightedAht += (long) c * aht;
            ahtSum += aht;
            parts++;
        }

        /** Contact-weighted; an interval without contacts keeps the plain mean of what was sent. */
        int aht() {
            return (int) (contacts > 0 ? Math.round((double) weightedAht / contacts) : Math.round((double) ahtSum / parts));
        }
    }
}
