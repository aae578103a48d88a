package com.timebank.wfm.leave;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.api.CsvUpload;
import com.timebank.wfm.api.FieldError;

/**
 * An HR leave file ({@code employee_no,date,seconds,type}). Every bad line is reported; the caller writes nothing
 * unless there is no error at all.
 */
public final class LeaveFile {

    static final List<String> HEADER = List.of("employee_no", "date", "seconds", "type");

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
        CsvUpload.read(content, HEADER, file.errors, l -> file.add(l.number(), l.get("employee_no"), l.get("date"),
                l.get("seconds"), l.get("type")));
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
        List<Row> unique = CsvUpload.firstOfEachKey(rows, r -> r.employeeNo() + "|" + r.date() + "|" + r.type(),
                Row::line, (r, first) -> FieldError.atLine(r.line(), "employee_no", "Duplicate " + r.type()
                        + " leave of " + r.employeeNo() + " on " + r.date() + " (first on line " + first + ")"), errors);
        rows.clear();
        rows.addAll(unique);
    }

    /** Errors that need the organisation: unknown agents (or outside scope) and closed months. */
    public void reject(Row row, String field, String message) {
        errors.add(FieldError.atLine(row.line(), field, message));
    }
}
