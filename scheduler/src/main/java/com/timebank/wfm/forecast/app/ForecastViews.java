package com.timebank.wfm.forecast.app;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.forecast.Backtest;
import com.timebank.wfm.forecast.IntervalForecast;
import com.timebank.wfm.forecast.IntradayReforecast;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.staffing.StaffingRequirement;
import com.timebank.wfm.staffing.app.RequirementView;
import com.timebank.wfm.staffing.app.StaffingService;

/**
 * How forecasts, backtests and requirements look in the API. Interval starts are center local time
 * {@code YYYY-MM-DDTHH:MM} (as uploaded); expected contacts and bounds are rounded to 2 places, AHT and ASA to
 * whole seconds; measures that cannot be computed are null.
 */
final class ForecastViews {

    private static final String LOCAL_MINUTES = "yyyy-MM-dd'T'HH:mm";

    private ForecastViews() {
    }

    private static String english(Message m) {
        return m == null ? null : m.english();
    }

    record IntervalView(@JsonFormat(pattern = LOCAL_MINUTES) LocalDateTime start, double contacts, long ahtSeconds,
            double lower80, double upper80, double lower95, double upper95) {

        static IntervalView of(IntervalForecast i) {
            return new IntervalView(i.start(), r2(i.contacts()), Math.round(i.ahtSeconds()), r2(i.lower80()),
                    r2(i.upper80()), r2(i.lower95()), r2(i.upper95()));
        }
    }

    record MethodResultView(String method, Double mae, Double rmse, Double wmape, Double mase, int origins,
            long intervals, Double coverage80, Double coverage95) {

        static MethodResultView of(Backtest.MethodResult r) {
            return new MethodResultView(r.method(), round(r.mae(), 3), round(r.rmse(), 3), round(r.wmape(), 4),
                    round(r.mase(), 4), r.origins(), r.intervals(), round(r.coverage80(), 4), round(r.coverage95(), 4));
        }
    }

    /**
     * Why a method was chosen automatically: the sentence (English) with its message code and arguments, and the
     * selection backtest behind it.
     */
    record SelectionView(String method, String explanation, Message explanationMessage, Long backtestId, Integer horizonDays,
            List<LocalDate> originDates, List<MethodResultView> results) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ForecastView(long id, String centerCode, String queue, String method, boolean autoSelected,
            String requestedMethod, LocalDate from, LocalDate to, LocalDate asOf, LocalDate learnedUpTo,
            int intervalMinutes, SelectionView selection, List<String> notes, List<Message> noteMessages, List<LocalDate> closedDays,
            Instant createdAt, String createdBy, List<IntervalView> intervals) {

        static ForecastView of(Center center, StoredForecast f) {
            ForecastRun run = f.run();
            SelectionView selection = null;
            if (run.autoSelected()) {
                selection = f.selection().map(b -> new SelectionView(run.method(), english(run.selectionMessage()), run.selectionMessage(), b.id(),
                        b.horizonDays(), b.origins(), b.results().stream().map(MethodResultView::of).toList()))
                        .orElse(new SelectionView(run.method(), english(run.selectionMessage()), run.selectionMessage(), null, null, List.of(), List.of()));
            }
            return new ForecastView(run.id(), center.code(), run.queue(), run.method(), run.autoSelected(),
                    run.requestedMethod(), run.from(), run.to(), run.asOf(), run.learnedUpTo(), run.intervalMinutes(),
                    selection, run.noteMessages().stream().map(Message::english).toList(), run.noteMessages(), f.closedDays(), utc(run.createdAt()), run.createdBy(),
                    f.intervals().stream().map(IntervalView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ForecastSummaryView(long id, String centerCode, String queue, String method, boolean autoSelected,
            LocalDate from, LocalDate to, LocalDate asOf, LocalDate learnedUpTo, int intervalMinutes, Instant createdAt,
            String createdBy) {

        static ForecastSummaryView of(Center center, ForecastRun run) {
            return new ForecastSummaryView(run.id(), center.code(), run.queue(), run.method(), run.autoSelected(),
                    run.from(), run.to(), run.asOf(), run.learnedUpTo(), run.intervalMinutes(), utc(run.createdAt()),
                    run.createdBy());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BacktestView(long id, String centerCode, String queue, String purpose, String method, int horizonDays,
            int originsRequested, LocalDate asOf, LocalDate learnedUpTo, List<LocalDate> originDates, String best,
            List<MethodResultView> results, Instant createdAt, String createdBy) {

        static BacktestView of(Center center, StoredBacktest b) {
            return new BacktestView(b.id(), center.code(), b.queue(), b.purpose(), b.method(), b.horizonDays(),
                    b.originsRequested(), b.asOf(), b.learnedUpTo(), b.origins(), b.best().orElse(null),
                    b.results().stream().map(MethodResultView::of).toList(), utc(b.createdAt()), b.createdBy());
        }
    }

    /** One interval's workload and what it takes to staff it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RequirementRow(@JsonFormat(pattern = LOCAL_MINUTES) LocalDateTime start, double contacts, long ahtSeconds,
            double trafficErlangs, int agents, int scheduledAgents, double serviceLevel, double probabilityOfWaiting,
            Long asaSeconds, double occupancy, Double probabilityOfAbandoning) {

        static RequirementRow of(StaffingService.IntervalRequirement i, boolean erlangA) {
            StaffingRequirement q = i.requirement();
            RequirementView m = RequirementView.of(q, erlangA);
            return new RequirementRow(i.demand().start(), r2(i.demand().contacts()), Math.round(i.demand().ahtSeconds()),
                    m.trafficErlangs(), m.agents(), m.scheduledAgents(), m.serviceLevel(), m.probabilityOfWaiting(),
                    m.asaSeconds(), m.occupancy(), m.probabilityOfAbandoning());
        }
    }

    /** Staffing settings used from {@code from} on; rates as strings, like the center settings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PolicyView(LocalDate from, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal serviceLevelTarget,
            int serviceLevelSeconds, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxOccupancy,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shrinkage, Double patienceSeconds) {

        static PolicyView of(StaffingService.PolicyPeriod p) {
            return new PolicyView(p.from(), p.serviceLevelTarget(), p.serviceLevelSeconds(), p.maxOccupancy(),
                    p.shrinkage(), p.patienceSeconds());
        }
    }

    record RequirementsView(long forecastId, String centerCode, String model, int intervalMinutes,
            List<PolicyView> settings, List<RequirementRow> intervals) {

        static RequirementsView of(long forecastId, Center center, StaffingService.Requirements r, boolean erlangA) {
            return new RequirementsView(forecastId, center.code(), erlangA ? "ERLANG_A" : "ERLANG_C", r.intervalMinutes(),
                    r.policies().stream().map(PolicyView::of).toList(),
                    r.intervals().stream().map(i -> RequirementRow.of(i, erlangA)).toList());
        }
    }

    /**
     * The rest of today after the intraday reforecast: {@code ratio} of actual to forecast contacts over the
     * completed intervals, {@code weight} how much of it was applied (damped by evidence, fading with lead time).
     */
    record ReforecastView(long forecastId, String centerCode, LocalDate date,
            @JsonFormat(pattern = LOCAL_MINUTES) LocalDateTime now, String actualsFrom, double forecastSoFar,
            double actualSoFar, double ratio, double weight, List<IntervalView> intervals,
            List<RequirementRow> requirements) {

        static ReforecastView of(Center center, ForecastService.Reforecast r) {
            IntradayReforecast.Result x = r.result();
            return new ReforecastView(r.forecast().run().id(), center.code(), r.now().toLocalDate(), r.now(),
                    r.actualsFromHistory() ? "HISTORY" : "REQUEST", r2(x.forecastSoFar()), r2(x.actualSoFar()),
                    RequirementView.round(x.ratio(), 4), RequirementView.round(x.weight(), 4),
                    x.rest().stream().map(IntervalView::of).toList(),
                    r.requirements().intervals().stream().map(i -> RequirementRow.of(i, false)).toList());
        }
    }

    static Instant utc(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC);
    }

    static double r2(double v) {
        return RequirementView.round(v, 2);
    }

    static Double round(double v, int places) {
        return Double.isFinite(v) ? RequirementView.round(v, places) : null;
    }
}
