package com.timebank.wfm.leave;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.timebank.wfm.api.FieldError;

/**
 * An HR leave file ({@code employee_no,date,seconds,type}). Every bad line is reported; the caller writes nothing
 * unless there is no error at all.
 */
public final class LeaveFile {

    static final String[] HEADER = {"employee_no", "date", "seconds", "type"};

    public record Row(int line, String employeeNo, LocalDate date, long seconds, LeaveType type) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();

    private LeaveFile() {
    }

    public List<Row> rows() {
        return rows;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Line numbers count the header as line 1, as a spreadsheet shows them. */
    public static LeaveFile parseCsv(String content) {
        LeaveFile file = new LeaveFile();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content == null ? "" : content), format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : HEADER) {
                if (!header.contains(column)) {
                    file.errors.add(FieldError.atLine(1, column, "Missing column " + column
                            + " (the header must be " + String.join(",", HEADER) + ")"));
                }
            }
            header.stream().filter(h -> !List.of(HEADER).contains(h))
                    .forEach(h -> file.errors.add(FieldError.atLine(1, h, "Unknown column " + h)));
            if (!file.errors.isEmpty()) {
                return file;
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getParser().getCurrentLineNumber();
                if (!record.isConsistent()) {
                    file.errors.add(FieldError.atLine(line, null, "Expected 4 values, found " + record.size()));
                    continue;
                }
                file.add(line, record.get("employee_no"), record.get("date"), record.get("seconds"),
                        record.get("type"));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            file.errors.add(FieldError.atLine(1, null, "Not a readable CSV file: " + e.getMessage()));
        }
        file.checkDuplicates();
        if (file.rows.isEmpty() && file.errors.isEmpty()) {
            file.errors.add(FieldError.atLine(1, null, "The file has no leave lines"));
        }
        return file;
    }

    private void add(int line, String employeeNo, String date, String seconds, String type) {
        int before = errors.size();
        if (employeeNo == null || employeeNo.isBlank()) {
            errors.add(FieldError.atLine(line, "employee_no", "Missing employee number"));
        }
        LocalDate d = null;
        try {
            d = date == null ? null : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (d == null) {
            errors.add(FieldError.atLine(line, "date", "'" + date + "' is not a date (YYYY-MM-DD)"));
        }
        long s = 0;
        try {
            s = Long.parseLong(seconds.trim());
            if (s <= 0 || s > LeaveService.DAY_SECONDS) {
                errors.add(FieldError.atLine(line, "seconds", "seconds must be between 1 and 86400, was " + s));
            }
        } catch (NumberFormatException | NullPointerException e) {
            errors.add(FieldError.atLine(line, "seconds", "'" + seconds + "' is not a whole number of seconds"));
        }
        LeaveType t = LeaveService.parseType(type);
        if (t == null) {
            errors.add(FieldError.atLine(line, "type", "'" + type + "' is not a leave type (PERSONAL, SICK or ANNUAL)"));
        }
        if (errors.size() == before) {
            rows.add(new Row(line, employeeNo.trim(), d, s, t));
        }
    }

    /** The same agent, date and type twice is a mistake in the file, not two absences. */
    private void checkDuplicates() {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        List<Row> unique = new ArrayList<>();
        for (Row r : rows) {
            Integer first = seen.putIfAbsent(r.employeeNo() + "|" + r.date() + "|" + r.type(), r.line());
            if (first != null) {
                errors.add(FieldError.atLine(r.line(), "employee_no", "Duplicate " + r.type() + " leave of "
                        + r.employeeNo() + " on " + r.date() + " (first on line " + first + ")"));
            } else {
                unique.add(r);
            }
        }
        rows.clear();
        rows.addAll(unique);
    }

    /** Errors that need the organisation: unknown agents (or outside scope) and closed months. */
    public void reject(Row row, String field, String message) {
        errors.add(FieldError.atLine(row.line(), field, message));
    }
}
