package com.timebank.wfm.leave;

import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.api.CsvUpload;
import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.UploadErrors;

/**
 * An HR leave file ({@code employee_no,date,seconds,type}). Every bad line is reported (the first ones listed, all
 * counted); the caller writes nothing unless there is no error at all.
 */
public final class LeaveFile {

    static final List<String> HEADER = List.of("employee_no", "date", "seconds", "type");

    public record Row(int line, String employeeNo, LocalDate date, long seconds, LeaveType type) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final UploadErrors errors = new UploadErrors();

    private LeaveFile() {
    }

    public List<Row> rows() {
        return rows;
    }

    /** The listed problems, in line order. */
    public List<FieldError> errors() {
        return errors.listed();
    }

    public UploadErrors problems() {
        return errors;
    }

    public static LeaveFile parseCsv(String content) {
        return parseCsv(new StringReader(content == null ? "" : content));
    }

    /** Line numbers count the header as line 1, as a spreadsheet shows them. */
    public static LeaveFile parseCsv(Reader content) {
        LeaveFile file = new LeaveFile();
        CsvUpload.read(content, CsvUpload.Columns.exactly(HEADER), file.errors, l -> file.add(l.number(),
                l.get("employee_no"), l.get("date"), l.get("seconds"), l.get("type")));
        file.checkDuplicates();
        if (file.rows.isEmpty() && file.errors.isEmpty()) {
            file.errors.add(FieldError.atLine(1, null, "leave.file.empty"));
        }
        return file;
    }

    private void add(int line, String employeeNo, String date, String seconds, String type) {
        int before = errors.total();
        if (employeeNo == null || employeeNo.isBlank()) {
            errors.add(FieldError.atLine(line, "employee_no", "upload.employee-no.missing"));
        }
        LocalDate d = null;
        try {
            d = date == null ? null : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (d == null) {
            errors.add(FieldError.atLine(line, "date", "upload.date.invalid", String.valueOf(date)));
        }
        long s = 0;
        try {
            s = Long.parseLong(seconds.trim());
            if (s <= 0 || s > LeaveService.DAY_SECONDS) {
                errors.add(FieldError.atLine(line, "seconds", "leave.seconds.range", 1, LeaveService.DAY_SECONDS, s));
            }
        } catch (NumberFormatException | NullPointerException e) {
            errors.add(FieldError.atLine(line, "seconds", "upload.seconds.invalid", String.valueOf(seconds)));
        }
        LeaveType t = LeaveService.parseType(type);
        if (t == null) {
            errors.add(FieldError.atLine(line, "type", "leave.type.invalid", String.valueOf(type)));
        }
        if (errors.total() == before) {
            rows.add(new Row(line, employeeNo.trim(), d, s, t));
        }
    }

    /** The same agent, date and type twice is a mistake in the file, not two absences. */
    private void checkDuplicates() {
        List<Row> unique = CsvUpload.firstOfEachKey(rows, r -> r.employeeNo() + "|" + r.date() + "|" + r.type(),
                Row::line, (r, first) -> FieldError.atLine(r.line(), "employee_no", "leave.duplicate", r.type(),
                        r.employeeNo(), r.date(), first), errors);
        rows.clear();
        rows.addAll(unique);
    }

    /** Errors that need the organisation or the clock: unknown agents (or outside scope), closed months, ranges. */
    public void reject(Row row, String field, Message reason) {
        errors.add(FieldError.atLine(row.line(), field, reason));
    }
}
