package com.timebank.wfm.timebank;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.api.CsvUpload;
import com.timebank.wfm.api.FieldError;

/**
 * Reads and checks an activity upload (CSV {@code employee_no,date,logged_seconds,aux_seconds}, or the same rows
 * from JSON). Every bad line is reported; the caller writes nothing unless there is no error at all.
 */
public final class ActivityFile {

    static final List<String> HEADER = List.of("employee_no", "date", "logged_seconds", "aux_seconds");
    public static final int DAY_SECONDS = 24 * 60 * 60;

    private final List<ActivityRow> rows = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();

    private ActivityFile() {
    }

    public List<ActivityRow> rows() {
        return rows;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Line numbers count the header as line 1, as a spreadsheet shows them. */
    public static ActivityFile parseCsv(String content) {
        ActivityFile file = new ActivityFile();
        CsvUpload.read(content, HEADER, file.errors, l -> file.add(l.number(), l.get("employee_no"), l.get("date"),
                l.get("logged_seconds"), l.get("aux_seconds")));
        file.checkDuplicates();
        return file;
    }

    public record JsonRow(String employeeNo, String date, Long loggedSeconds, Long auxSeconds) {
    }

    /** JSON rows are numbered from 1 in {@code line}, so errors read the same as for a file. */
    public static ActivityFile fromJson(List<JsonRow> json) {
        ActivityFile file = new ActivityFile();
        for (int i = 0; i < json.size(); i++) {
            JsonRow r = json.get(i);
            if (r == null) {
                file.errors.add(FieldError.atLine(i + 1, null, "Empty row"));
                continue;
            }
            file.add(i + 1, r.employeeNo(), r.date(), r.loggedSeconds() == null ? null : r.loggedSeconds().toString(),
                    r.auxSeconds() == null ? null : r.auxSeconds().toString());
        }
        file.checkDuplicates();
        return file;
    }

    private void add(int line, String employeeNo, String date, String logged, String aux) {
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
        Integer loggedSeconds = seconds(line, "logged_seconds", logged);
        Integer auxSeconds = seconds(line, "aux_seconds", aux);
        if (loggedSeconds != null && loggedSeconds > DAY_SECONDS) {
            errors.add(FieldError.atLine(line, "logged_seconds", "Logged time " + loggedSeconds
                    + " s is more than a day (86400 s)"));
        }
        if (loggedSeconds != null && auxSeconds != null && auxSeconds > loggedSeconds) {
            errors.add(FieldError.atLine(line, "aux_seconds", "Aux time " + auxSeconds
                    + " s is more than the logged time " + loggedSeconds + " s"));
        }
        if (errors.size() == before) {
            rows.add(new ActivityRow(line, employeeNo.trim(), d, loggedSeconds, auxSeconds));
        }
    }

    private Integer seconds(int line, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.atLine(line, field, "Missing " + field));
            return null;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                errors.add(FieldError.atLine(line, field, field + " must not be negative, was " + v));
                return null;
            }
            if (v > Integer.MAX_VALUE) {
                errors.add(FieldError.atLine(line, field, field + " is too large: " + v));
                return null;
            }
            return (int) v;
        } catch (NumberFormatException e) {
            errors.add(FieldError.atLine(line, field, "'" + value + "' is not a whole number of seconds"));
            return null;
        }
    }

    private void checkDuplicates() {
        List<ActivityRow> unique = CsvUpload.firstOfEachKey(rows, r -> r.employeeNo() + "|" + r.date(), ActivityRow::line,
                (r, first) -> FieldError.atLine(r.line(), "employee_no", "Duplicate row for " + r.employeeNo() + " on "
                        + r.date() + " (first on line " + first + ")"), errors);
        rows.clear();
        rows.addAll(unique);
    }

    /** Errors that need the organisation: unknown agents (or outside scope) and days not yet over. */
    public void reject(ActivityRow row, String field, String message) {
        errors.add(FieldError.atLine(row.line(), field, message));
    }
}
