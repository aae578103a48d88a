package com.timebank.wfm.api;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of uploaded CSV files with a header line (activity, leave, shifts, interval history), read as a
 * stream for a whole-file check: every problem becomes a {@link FieldError} with its line number as a spreadsheet
 * shows it (the header is line 1), collected in bounded {@link UploadErrors}, so that the caller can refuse the
 * file with its bad lines listed and write nothing. A leading byte-order mark is skipped.
 */
public final class CsvUpload {

    private static final Logger log = LoggerFactory.getLogger(CsvUpload.class);

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();

    private CsvUpload() {
    }

    /** One line of values, read by column name; an optional column the file lacks reads as null. */
    public record Line(int number, CSVRecord record) {

        public String get(String column) {
            return record.isMapped(column) ? record.get(column) : null;
        }
    }

    /** The columns of a file: all of {@code required} and any of {@code optional}, in any order. */
    public record Columns(List<String> required, List<String> optional) {

        public static Columns exactly(List<String> columns) {
            return new Columns(columns, List.of());
        }

        String expected() {
            return String.join(",", required) + (optional.isEmpty() ? "" : "[," + String.join(",", optional) + "]");
        }
    }

    public static void read(String content, List<String> columns, UploadErrors errors, Consumer<Line> eachLine) {
        read(new StringReader(content == null ? "" : content), Columns.exactly(columns), errors, eachLine);
    }

    /**
     * Hands each line of the file to {@code eachLine}, in file order, without holding the file. A missing or
     * unknown column, an unreadable file (not UTF-8, a broken quote) or a line with the wrong number of values is
     * added to {@code errors}; with a wrong header no line is read.
     */
    public static void read(Reader content, Columns columns, UploadErrors errors, Consumer<Line> eachLine) {
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(content), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                errors.add(FieldError.atLine(1, null, "csv.empty", columns.expected()));
                return;
            }
            int before = errors.total();
            columns.required().stream().filter(c -> !header.contains(c))
                    .forEach(c -> errors.add(FieldError.atLine(1, c, "csv.column.missing", c, columns.expected())));
            header.stream().filter(h -> !columns.required().contains(h) && !columns.optional().contains(h))
                    .forEach(h -> errors.add(FieldError.atLine(1, h, "csv.column.unknown", h, columns.expected())));
            if (errors.total() > before) {
                return;
            }
            try {
                for (CSVRecord record : parser) {
                    int line = (int) parser.getCurrentLineNumber();
                    if (!record.isConsistent()) {
                        errors.add(FieldError.atLine(line, "line", "csv.values", header.size(), record.size()));
                        continue;
                    }
                    eachLine.accept(new Line(line, record));
                }
            } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                unreadable(errors, (int) parser.getCurrentLineNumber(), e);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            unreadable(errors, 1, e);
        }
    }

    /** The library's own text (English, about its parser) goes to the log; the uploader reads which line to fix. */
    private static void unreadable(UploadErrors errors, int line, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            errors.add(FieldError.atLine(1, null, Message.of("csv.encoding")));
            return;
        }
        log.info("An uploaded CSV file cannot be read at line {}: {}", line, cause.toString());
        errors.add(FieldError.atLine(line, null, Message.of("csv.unreadable", line)));
    }

    /**
     * The rows without repeats of a key: the first row of each key stays, and every later one is reported as
     * {@code duplicate(row, lineOfTheFirst)}.
     */
    public static <R> List<R> firstOfEachKey(List<R> rows, Function<R, Object> key, ToIntFunction<R> line,
            Duplicate<R> duplicate, UploadErrors errors) {
        Map<Object, Integer> seen = new HashMap<>();
        List<R> unique = new ArrayList<>();
        for (R row : rows) {
            Integer first = seen.putIfAbsent(key.apply(row), line.applyAsInt(row));
            if (first == null) {
                unique.add(row);
            } else {
                errors.add(duplicate.of(row, first));
            }
        }
        return unique;
    }

    @FunctionalInterface
    public interface Duplicate<R> {
        FieldError of(R row, int firstLine);
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }
}
