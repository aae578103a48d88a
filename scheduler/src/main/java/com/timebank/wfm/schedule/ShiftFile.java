package com.timebank.wfm.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.api.CsvUpload;
import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.UploadErrors;

/**
 * Shifts imported from another scheduling system: CSV {@code employee_no,date,start,end,break_minutes} or the same
 * rows as JSON. Times are HH:MM in the center's zone; an end at or before the start is on the next day.
 */
public final class ShiftFile {

    static final List<String> HEADER = List.of("employee_no", "date", "start", "end", "break_minutes");
    static final long MAX_SHIFT_HOURS = 16;

    public record Row(int line, String employeeNo, LocalDate date, LocalTime start, LocalTime end, int breakMinutes) {
    }

    public record JsonRow(String employeeNo, String date, String start, String end, Integer breakMinutes) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final UploadErrors errors = new UploadErrors();

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

    /** Errors that need the organisation or the clock: unknown agents, dates out of range. */
    public void reject(Row row, String field, Message reason) {
        errors.add(FieldError.atLine(row.line(), field, reason));
    }

    public static ShiftFile parseCsv(String content) {
        return parseCsv(new java.io.StringReader(content == null ? "" : content));
    }

    public static ShiftFile parseCsv(java.io.Reader content) {
        ShiftFile file = new ShiftFile();
        CsvUpload.read(content, CsvUpload.Columns.exactly(HEADER), file.errors, l -> file.add(l.number(),
                l.get("employee_no"), l.get("date"), l.get("start"), l.get("end"), l.get("break_minutes")));
        file.checkDuplicates();
        return file;
    }

    public static ShiftFile fromJson(List<JsonRow> json) {
        ShiftFile file = new ShiftFile();
        for (int i = 0; i < json.size(); i++) {
            JsonRow r = json.get(i);
            if (r == null) {
                file.errors.add(FieldError.atLine(i + 1, null, "upload.row.empty"));
                continue;
            }
            file.add(i + 1, r.employeeNo(), r.date(), r.start(), r.end(),
                    r.breakMinutes() == null ? "0" : r.breakMinutes().toString());
        }
        file.checkDuplicates();
        return file;
    }

    private void add(int line, String employeeNo, String date, String start, String end, String breakMinutes) {
        int before = errors.total();
        if (employeeNo == null || employeeNo.isBlank()) {
            errors.add(FieldError.atLine(line, "employee_no", "upload.employee-no.missing"));
        }
        LocalDate d = parse(line, "date", date, LocalDate::parse, "upload.date.invalid");
        LocalTime s = parse(line, "start", start, LocalTime::parse, "upload.time.invalid");
        LocalTime e = parse(line, "end", end, LocalTime::parse, "upload.time.invalid");
        Integer brk = null;
        try {
            brk = Integer.parseInt(breakMinutes == null ? "" : breakMinutes.trim());
            if (brk < 0) {
                errors.add(FieldError.atLine(line, "break_minutes", "upload.value.negative", "break_minutes", brk));
            }
        } catch (NumberFormatException ex) {
            errors.add(FieldError.atLine(line, "break_minutes", "upload.minutes.invalid",
                    String.valueOf(breakMinutes)));
        }
        if (s != null && e != null && brk != null && brk >= 0) {
            long minutes = Duration.between(s, e).toMinutes();
            if (minutes <= 0) {
                minutes += 24 * 60;
            }
            if (minutes > MAX_SHIFT_HOURS * 60) {
                errors.add(FieldError.atLine(line, "end", "shift.too-long", minutes / 60, MAX_SHIFT_HOURS));
            } else if (brk >= minutes) {
                errors.add(FieldError.atLine(line, "break_minutes", "shift.break.too-long"));
            }
        }
        if (errors.total() == before) {
            rows.add(new Row(line, employeeNo.trim(), d, s, e, brk));
        }
    }

    private <T> T parse(int line, String field, String value, java.util.function.Function<String, T> parser,
            String code) {
        try {
            if (value != null && !value.isBlank()) {
                return parser.apply(value.trim());
            }
        } catch (DateTimeParseException ex) {
            // reported below
        }
        errors.add(FieldError.atLine(line, field, code, String.valueOf(value)));
        return null;
    }

    private void checkDuplicates() {
        List<Row> unique = CsvUpload.firstOfEachKey(rows, r -> r.employeeNo() + "|" + r.date(), Row::line,
                (r, first) -> FieldError.atLine(r.line(), "employee_no", "shift.duplicate", r.employeeNo(), r.date(),
                        first), errors);
        rows.clear();
        rows.addAll(unique);
    }
}
