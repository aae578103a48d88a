package com.timebank.wfm.web.planner;

import java.time.YearMonth;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.jobs.JobRun;
import com.timebank.wfm.jobs.NightlyJobs;

/**
 * What a finished run did, in words: above all why it processed or posted nothing (no activity uploaded, nothing
 * due, already settled), so "0 processed" is never left unexplained; and the dates (months) it covered.
 */
final class RunOutcome {

    private RunOutcome() {
    }

    /** Null while running or when failed (the error says what happened). */
    static Message of(JobRun r) {
        if (r.status() != JobRun.Status.SUCCEEDED) {
            return null;
        }
        if (NightlyJobs.FORECAST_REFRESH.equals(r.job())) {
            // its one item is the week, and what it "posts" is the forecast
            return Message.of(r.posted() > 0 ? "planner.jobs.why.forecast-refresh.made"
                    : "planner.jobs.why.forecast-refresh.unchanged");
        }
        if (r.processed() == 0) {
            return Message.of("planner.jobs.why." + r.job() + ".none");
        }
        if (r.posted() == 0) {
            return Message.of("planner.jobs.why." + r.job() + ".unchanged", r.processed());
        }
        return Message.of("planner.jobs.why.posted", r.processed(), r.posted());
    }

    /**
     * The business dates it covered: the date, or the first and last and how many. Null when it covered none, and on
     * runs stored before the span was kept (their English text shows).
     */
    static Message dates(JobRun r) {
        if (r.span() == null) {
            return null;
        }
        if (NightlyJobs.FORECAST_REFRESH.equals(r.job())) {
            return Message.of("planner.jobs.week", r.span().first());
        }
        // a month close stores each month by its first day; the reader is shown the month
        return NightlyJobs.MONTH_CLOSE.equals(r.job())
                ? Message.of("planner.jobs.months", r.span().count(), YearMonth.from(r.span().first()),
                        YearMonth.from(r.span().last()))
                : Message.of("planner.jobs.dates", r.span().count(), r.span().first(), r.span().last());
    }
}
