package com.timebank.wfm.history;

import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.timebank.wfm.api.CsvUpload;
import com.timebank.wfm.api.DateBounds;
import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.UploadErrors;

/**
 * An interval-history upload (CSV or JSON) checked as a whole and summed into the center's intervals.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code interval_start} is center local time {@code YYYY-MM-DDTHH:MM} on a 5-minute grid (the finest
 *       interval any center has), or on the grid of the upload's declared {@code intervalMinutes};</li>
 *   <li>rows finer than the center's interval are summed into it, AHT weighted by contacts;</li>
 *   <li>an upload declared coarser than the center's interval is refused (it cannot be split honestly);</li>
 *   <li>a queue and interval start may appear once per upload, twice in the hour that repeats when daylight saving
 *       time ends in the center's zone (local times cannot tell the two apart: both are summed into the interval);</li>
 *   <li>interval starts are business dates the service accepts ({@link DateBounds});</li>
 *   <li>any bad row refuses the whole upload, with its bad lines listed (the first ones, all counted).</li>
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

    /** Marks a CSV number that could not be read (and was reported) so that it is not reported twice. */
    private static final int UNREADABLE = Integer.MIN_VALUE;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    private static final CsvUpload.Columns COLUMNS = new CsvUpload.Columns(
            List.of("interval_start", "contacts", "aht_seconds"), List.of("queue"));

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

    /** Reads a CSV upload as a stream; structural problems (header, column counts, numbers) are collected. */
    public static List<Row> readCsv(Reader text, UploadErrors errors) {
        List<Row> rows = new ArrayList<>();
        int[] index = {0};
        boolean[] tooMany = {false};
        CsvUpload.read(text, COLUMNS, errors, l -> {
            if (tooMany[0]) {
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                errors.add(FieldError.atLine(l.number(), "line", "history.rows.too-many", MAX_ROWS));
                tooMany[0] = true;
                return;
            }
            Integer contacts = integer(l.get("contacts"), l.number(), "contacts", errors);
            Integer aht = integer(l.get("aht_seconds"), l.number(), "aht_seconds", errors);
            rows.add(new Row(l.number(), index[0]++, l.get("interval_start"), l.get("queue"), contacts, aht));
        });
        return rows;
    }

    public static List<Row> readCsv(String text, UploadErrors errors) {
        return readCsv(new java.io.StringReader(text == null ? "" : text), errors);
    }

    /**
     * Checks every row and sums them into the center's intervals.
     *
     * @param centerMinutes   the center's interval length
     * @param declaredMinutes the upload's interval length if the client states it, else null
     * @param structural      errors found while reading (listed together with the row errors)
     * @param zone            the center's time zone, whose clock changes decide which local times repeat
     * @throws InvalidInputException listing every bad row; nothing may be stored then
     */
    public static Result check(int centerMinutes, Integer declaredMinutes, List<Row> rows, UploadErrors errors,
            LocalDate today) {
        return check(centerMinutes, declaredMinutes, rows, errors, today, ZoneOffset.UTC);
    }

    public static Result check(int centerMinutes, Integer declaredMinutes, List<Row> rows, UploadErrors errors,
            LocalDate today, ZoneId zone) {
        if (declaredMinutes != null) {
            if (!DATA_INTERVALS.contains(declaredMinutes)) {
                throw InvalidInputException.of("intervalMinutes", "history.interval.unsupported", declaredMinutes);
            }
            if (declaredMinutes > centerMinutes) {
                throw InvalidInputException.of("intervalMinutes", "history.interval.coarser", declaredMinutes,
                        centerMinutes);
            }
            if (centerMinutes % declaredMinutes != 0) {
                throw InvalidInputException.of("intervalMinutes", "history.interval.misfit", declaredMinutes,
                        centerMinutes);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw InvalidInputException.of("rows", "history.rows.none");
        }
        if (rows.size() > MAX_ROWS) {
            throw InvalidInputException.of("rows", "history.rows.too-many", MAX_ROWS);
        }
        int grid = declaredMinutes == null ? FINEST_GRID_MINUTES : declaredMinutes;
        Map<Key, Integer> seen = new HashMap<>();
        Set<Key> repeatedHour = new HashSet<>();
        Map<Key, Sum> sums = new LinkedHashMap<>();
        for (Row r : rows) {
            int before = errors.total();
            // a number the CSV reader could not parse is already reported
            boolean unreadable = r.contacts() != null && r.contacts() == UNREADABLE
                    || r.ahtSeconds() != null && r.ahtSeconds() == UNREADABLE;
            LocalDateTime start = null;
            if (r.intervalStart() == null || r.intervalStart().isBlank()) {
                errors.add(error(r, "interval_start", "intervalStart", Message.of("upload.value.missing",
                        "interval_start")));
            } else {
                try {
                    start = LocalDateTime.parse(r.intervalStart().trim(), LOCAL);
                } catch (DateTimeParseException e) {
                    errors.add(error(r, "interval_start", "intervalStart", Message.of("history.start.invalid",
                            r.intervalStart())));
                }
            }
            if (start != null) {
                java.util.Optional<Message> outOfRange = DateBounds.check(start.toLocalDate(), today);
                if (outOfRange.isPresent()) {
                    errors.add(error(r, "interval_start", "intervalStart", outOfRange.get()));
                    start = null;
                }
            }
            if (start != null) {
                int minuteOfDay = start.getHour() * 60 + start.getMinute();
                if (start.getSecond() != 0 || start.getNano() != 0 || minuteOfDay % grid != 0) {
                    errors.add(error(r, "interval_start", "intervalStart", Message.of(declaredMinutes == null
                            ? "history.start.off-grid" : "history.start.off-declared-grid", r.intervalStart().trim(),
                            grid)));
                    start = null;
                }
            }
            String queue = r.queue() == null || r.queue().isBlank() ? ContactVolume.DEFAULT_QUEUE : r.queue().trim();
            if (queue.length() > MAX_QUEUE_LENGTH) {
                errors.add(error(r, "queue", "queue", Message.of("text.too-long", "queue", MAX_QUEUE_LENGTH)));
            }
            if (r.contacts() == null) {
                errors.add(error(r, "contacts", "contacts", Message.of("upload.value.missing", "contacts")));
            } else if (r.contacts() == UNREADABLE) {
                // reported by the reader
            } else if (r.contacts() < 0 || r.contacts() > MAX_CONTACTS) {
                errors.add(error(r, "contacts", "contacts", Message.of("number.between.was", "contacts", 0,
                        MAX_CONTACTS, r.contacts())));
            }
            if (r.ahtSeconds() == null) {
                errors.add(error(r, "aht_seconds", "ahtSeconds", Message.of("upload.value.missing", "aht_seconds")));
            } else if (r.ahtSeconds() == UNREADABLE) {
                // reported by the reader
            } else if (r.ahtSeconds() < 0 || r.ahtSeconds() > MAX_AHT_SECONDS) {
                errors.add(error(r, "aht_seconds", "ahtSeconds", Message.of("number.between.was", "aht_seconds", 0,
                        MAX_AHT_SECONDS, r.ahtSeconds())));
            } else if (r.ahtSeconds() == 0 && r.contacts() != null && r.contacts() > 0) {
                errors.add(error(r, "aht_seconds", "ahtSeconds", Message.of("history.aht.zero")));
            }
            if (start != null) {
                Key exact = new Key(queue, start);
                Integer first = seen.putIfAbsent(exact, r.line() != null ? r.line() : r.index());
                boolean secondOfRepeatedHour = first != null && zone.getRules().getValidOffsets(start).size() > 1
                        && repeatedHour.add(exact);
                if (first != null && !secondOfRepeatedHour) {
                    errors.add(error(r, "interval_start", "intervalStart", Message.of((r.line() != null
                            ? "history.start.repeats-line" : "history.start.repeats-row")
                            + (queue.equals(ContactVolume.DEFAULT_QUEUE) ? "" : ".queue"), r.intervalStart().trim(),
                            queue, first)));
                }
            }
            if (errors.total() == before && !unreadable) {
                LocalDateTime slot = start.toLocalDate().atStartOfDay()
                        .plusMinutes((start.getHour() * 60 + start.getMinute()) / centerMinutes * centerMinutes);
                sums.computeIfAbsent(new Key(queue, slot), k -> new Sum()).add(r.contacts(), r.ahtSeconds());
            }
        }
        errors.throwIfAny();
        List<ContactVolume> intervals = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> intervals.add(new ContactVolume(k.queue(), k.start(), Math.toIntExact(s.contacts),
                s.aht())));
        return new Result(rows.size(), intervals);
    }

    private static FieldError error(Row r, String csvField, String jsonField, Message reason) {
        return r.line() != null ? FieldError.atLine(r.line(), csvField, reason)
                : FieldError.of("[" + r.index() + "]." + jsonField, reason);
    }

    private static Integer integer(String text, int line, String field, UploadErrors errors) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(FieldError.atLine(line, field, "upload.integer.invalid", text));
            return UNREADABLE;
        }
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
