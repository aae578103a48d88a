package com.timebank.wfm.history;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.UploadBody;
import com.timebank.wfm.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/centers/{center}/history")
@Tag(name = "Forecast", description = "Interval history, calendar, forecasts, backtests and staffing requirements")
class HistoryController {

    private static final String INTERVAL_MINUTES = "Interval length of the uploaded rows (5, 10, 15, 20, 30 or 60). "
            + "Optional; needed only to have rows off that grid refused, and to have data coarser than the "
            + "center's interval refused rather than taken as intervals with gaps.";

    private final ContactHistoryService history;

    HistoryController(ContactHistoryService history) {
        this.history = history;
    }

    /** One uploaded interval; {@code intervalStart} is center local time {@code YYYY-MM-DDTHH:MM}. */
    record HistoryRow(String intervalStart, String queue, Integer contacts, Integer ahtSeconds) {
    }

    record ImportView(int accepted, int intervals, int replaced) {
    }

    record RowView(@JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime intervalStart, String queue,
            int contacts, int ahtSeconds) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Upload interval history as JSON (planner); finer rows are summed into the center's "
            + "intervals, re-sent intervals replace earlier ones, any bad row refuses the whole upload")
    ImportView importJson(@PathVariable String center, @RequestBody List<HistoryRow> rows,
            @Parameter(description = INTERVAL_MINUTES) @RequestParam(required = false) Integer intervalMinutes,
            CurrentUser user) {
        if (rows == null) {
            throw InvalidInputException.of("rows", "history.rows.not-array");
        }
        List<HistoryUpload.Row> upload = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            HistoryRow r = rows.get(i);
            if (r == null) {
                throw InvalidInputException.of("[" + i + "]", "upload.row.null", i);
            }
            upload.add(new HistoryUpload.Row(null, i, r.intervalStart(), r.queue(), r.contacts(), r.ahtSeconds()));
        }
        return view(history.importRows(center, intervalMinutes, upload, user));
    }

    @PostMapping(consumes = "text/csv")
    @Operation(summary = "Upload interval history as CSV (planner): header interval_start,contacts,aht_seconds "
            + "and optionally queue; errors name the line (1 = header)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "text/csv"))
    ImportView importCsv(@PathVariable String center, @Parameter(hidden = true) UploadBody csv,
            @Parameter(description = INTERVAL_MINUTES) @RequestParam(required = false) Integer intervalMinutes,
            CurrentUser user) {
        return view(history.importCsv(center, intervalMinutes, csv.reader(), user));
    }

    @GetMapping
    @Operation(summary = "Stored history rows of a period (planner), at most 93 days")
    List<RowView> rows(@PathVariable String center,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String queue, CurrentUser user) {
        return history.rows(center, queue, from, to, user).stream()
                .map(v -> new RowView(v.intervalStart(), v.queue(), v.contacts(), v.ahtSeconds())).toList();
    }

    private static ImportView view(ContactHistoryService.Imported i) {
        return new ImportView(i.accepted(), i.intervals(), i.replaced());
    }
}
