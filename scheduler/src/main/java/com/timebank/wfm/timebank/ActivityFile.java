package com.timebank.wfm.timebank;

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
 * Reads and checks an activity upload (CSV {@code employee_no,date,logged_seconds,aux_seconds} with the optional
 * columns {@code sign_ins} and {@code handle_seconds}, or the same rows from JSON). Every bad line is reported (the first ones listed, all counted); the caller writes nothing unless
 * there is no error at all.
 */
public final class ActivityFile {

    static final List<String> HEADER = List.of("employee_no", "date", "logged_seconds", "aux_seconds");
    /** Optional: sign-ins of the day and handled seconds, for sign-ins per day and online utilisation per agent. */
    static final List<String> OPTIONAL = List.of("sign_ins", "handle_seconds");
    /** More sign-ins in a day than this is a broken export, not an agent. */
    public static final int MAX_SIGN_INS = 1_000;
    public static final int DAY_SECONDS = 24 * 60 * 60;

    private final List<ActivityRow> rows = new ArrayList<>();
    private final UploadErrors errors = new UploadErrors();

    private ActivityFile() {
    }

    public List<ActivityRow> rows() {
        return rows;
    }

    /** The listed problems, in line order. */
    public List<FieldError> errors() {
        return errors.listed();
    }

    public UploadErrors problems() {
        return errors;
    }

    public static ActivityFile parseCsv(String content) {
        return parseCsv(new StringReader(content == null ? "" : content));
    }

    /** Line numbers count the header as line 1, as a spreadsheet shows them. */
    public static ActivityFile parseCsv(Reader content) {
        ActivityFile file = new ActivityFile();
        CsvUpload.read(content, new CsvUpload.Columns(HEADER, OPTIONAL), file.errors, l -> file.add(l.number(),
                l.get("employee_no"), l.get("date"), l.get("logged_seconds"), l.get("aux_seconds"),
                l.get("sign_ins"), l.get("handle_seconds")));
        file.checkDuplicates();
        return file;
    }

    /** {@code signIns} and {@code handleSeconds} are optional (null: not sent). */
    public record JsonRow(String employeeNo, String date, Long loggedSeconds, Long auxSeconds, Long signIns,
            Long handleSeconds) {

        public JsonRow(String employeeNo, String date, Long loggedSeconds, Long auxSeconds) {
            this(employeeNo, date, loggedSeconds, auxSeconds, null, null);
        }
    }

    /** JSON rows are numbered from 1 in {@code line}, so errors read the same as for a file. */
    public static ActivityFile fromJson(List<JsonRow> json) {
        ActivityFile file = new ActivityFile();
        for (int i = 0; i < json.size(); i++) {
            JsonRow r = json.get(i);
            if (r == null) {
                file.errors.add(FieldError.atLine(i + 1, null, "upload.row.empty"));
                continue;
            }
            file.add(i + 1, r.employeeNo(), r.date(), r.loggedSeconds() == null ? null : r.loggedSeconds().toString(),
                    r.auxSeconds() == null ? null : r.auxSeconds().toString(),
                    r.signIns() == null ? null : r.signIns().toString(),
                    r.handleSeconds() == null ? null : r.handleSeconds().toString());
        }
        file.checkDuplicates();
        return file;
    }

    private void add(int line, String employeeNo, String date, String logged, String aux, String signIns,
            String handle) {
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
        Integer loggedSeconds = seconds(line, "logged_seconds", logged);
        Integer auxSeconds = seconds(line, "aux_seconds", aux);
        if (loggedSeconds != null && loggedSeconds > DAY_SECONDS) {
            errors.add(FieldError.atLine(line, "logged_seconds", "activity.logged.over-day", loggedSeconds,
                    DAY_SECONDS));
        }
        if (loggedSeconds != null && auxSeconds != null && auxSeconds > loggedSeconds) {
            errors.add(FieldError.atLine(line, "aux_seconds", "activity.aux.over-logged", auxSeconds, loggedSeconds));
        }
        Integer signInCount = blank(signIns) ? null : count(line, "sign_ins", signIns, "activity.sign-ins.invalid");
        if (signInCount != null && signInCount > MAX_SIGN_INS) {
            errors.add(FieldError.atLine(line, "sign_ins", "activity.sign-ins.too-many", signInCount, MAX_SIGN_INS));
        }
        Integer handleSeconds = blank(handle) ? null : seconds(line, "handle_seconds", handle);
        if (loggedSeconds != null && handleSeconds != null && handleSeconds > loggedSeconds) {
            errors.add(FieldError.atLine(line, "handle_seconds", "activity.handle.over-logged", handleSeconds,
                    loggedSeconds));
        }
        if (errors.total() == before) {
            rows.add(new ActivityRow(line, employeeNo.trim(), d, loggedSeconds, auxSeconds, signInCount,
                    handleSeconds));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Integer seconds(int line, String field, String value) {
        return count(line, field, value, "upload.seconds.invalid");
    }

    private Integer count(int line, String field, String value, String invalidCode) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.atLine(line, field, "upload.value.missing", field));
            return null;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                errors.add(FieldError.atLine(line, field, "upload.value.negative", field, v));
                return null;
            }
            if (v > Integer.MAX_VALUE) {
                errors.add(FieldError.atLine(line, field, "upload.value.too-large", field, v));
                return null;
            }
            return (int) v;
        } catch (NumberFormatException e) {
            errors.add(FieldError.atLine(line, field, invalidCode, value));
            return null;
        }
    }

    private void checkDuplicates() {
        List<ActivityRow> unique = CsvUpload.firstOfEachKey(rows, r -> r.employeeNo() + "|" + r.date(),
                ActivityRow::line, (r, first) -> FieldError.atLine(r.line(), "employee_no", "activity.duplicate",
                        r.employeeNo(), r.date(), first), errors);
        rows.clear();
        rows.addAll(unique);
    }

    /** Errors that need the organisation or the clock: unknown agents (or outside scope), dates out of range. */
    public void reject(ActivityRow row, String field, Message reason) {
        errors.add(FieldError.atLine(row.line(), field, reason));
    }
}
