package com.timebank.wfm.api;

import java.io.IOException;
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

/**
 * An uploaded CSV file with a header line, read for a whole-file check: every problem becomes a {@link FieldError}
 * with its line number as a spreadsheet shows it (the header is line 1), so that the caller can refuse the file
 * with every bad line listed and write nothing.
 */
public final class CsvUpload {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).get();

    private CsvUpload() {
    }

    /** One line of values, read by column name. */
    public record Line(int number, CSVRecord record) {

        public String get(String column) {
            return record.get(column);
        }
    }

    /**
     * Hands each line of a file whose header must hold exactly {@code columns}, in any order, to {@code eachLine},
     * in file order. A missing or unknown column, an unreadable file, or a line with the wrong number of values is
     * added to {@code errors}; with a wrong header no line is read.
     */
    public static void read(String content, List<String> columns, List<FieldError> errors, Consumer<Line> eachLine) {
        String text = content == null ? "" : content.startsWith("\uFEFF") ? content.substring(1) : content;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            int before = errors.size();
            columns.stream().filter(c -> !header.contains(c)).forEach(c -> errors.add(FieldError.atLine(1, c,
                    "Missing column " + c + " (the header must be " + String.join(",", columns) + ")")));
            header.stream().filter(h -> !columns.contains(h))
                    .forEach(h -> errors.add(FieldError.atLine(1, h, "Unknown column " + h)));
            if (errors.size() > before) {
                return;
            }
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    errors.add(FieldError.atLine(line, null, "Expected " + columns.size() + " values, found "
                            + record.size()));
                    continue;
                }
                eachLine.accept(new Line(line, record));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(FieldError.atLine(1, null, "Not a readable CSV file: " + e.getMessage()));
        }
    }

    /**
     * The rows without repeats of a key: the first row of each key stays, and every later one is reported as
     * {@code duplicate(row, lineOfTheFirst)}.
     */
    public static <R> List<R> firstOfEachKey(List<R> rows, Function<R, Object> key, ToIntFunction<R> line,
            Duplicate<R> duplicate, List<FieldError> errors) {
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
}
