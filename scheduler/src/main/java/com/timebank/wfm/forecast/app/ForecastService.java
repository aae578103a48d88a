package com.timebank.wfm.forecast.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.forecast.Backtest;
import com.timebank.wfm.forecast.Forecast;
import com.timebank.wfm.forecast.ForecastAdjustment;
import com.timebank.wfm.forecast.ForecastCalendar;
import com.timebank.wfm.forecast.ForecastMethod;
import com.timebank.wfm.forecast.Forecaster;
import com.timebank.wfm.forecast.NothingToLearn;
import com.timebank.wfm.forecast.IntervalForecast;
import com.timebank.wfm.forecast.IntervalHistory;
import com.timebank.wfm.forecast.IntradayReforecast;
import com.timebank.wfm.forecast.MethodSelection;
import com.timebank.wfm.forecast.Note;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.history.IntervalTotal;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.staffing.app.StaffingService;

/**
 * Forecasts, backtests and intraday reforecasts of a center, made by the pure {@link Forecaster} from the stored
 * interval history and the planner's calendar, and stored: every forecast is a new, immutable version.
 *
 * <p>The heavy computation runs outside any database transaction; only the final writes are transactional.
 */
@Service
public class ForecastService {

    /** The planning horizon: six weeks. */
    static final int MAX_HORIZON_DAYS = 42;
    /** The days a new forecast covers unless the planner chooses others (the page's form, the weekly refresh). */
    public static final int DEFAULT_HORIZON_DAYS = 14;
    /** The maker of the weekly refresh's forecasts: their {@code createdBy} and the actor of their audit events. */
    public static final String REFRESH_ACTOR = "job:forecast-refresh";
    /** How far past the last history day learned from a forecast may end. */
    static final int MAX_LEAD_DAYS = 91;
    /** History read for learning: a year (last year's holidays) and a little more. */
    static final int HISTORY_DAYS = 400;
    static final int MAX_BACKTEST_HORIZON_DAYS = 30;
    static final int MAX_BACKTEST_ORIGINS = 20;
    /** ForecastCalendar keeps at most this many busy days at each end of a month. */
    static final int MAX_BUSY_DAYS = 10;

    private final OrganisationService organisation;
    private final CenterSettingsService settings;
    private final ContactHistoryService history;
    private final CalendarService calendars;
    private final StaffingService staffing;
    private final ForecastRepository repository;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final Forecaster forecaster = new Forecaster();

    ForecastService(OrganisationService organisation, CenterSettingsService settings, ContactHistoryService history,
            CalendarService calendars, StaffingService staffing, ForecastRepository repository, AuditLog audit,
            Transactions transactions, Clock clock) {
        this.organisation = organisation;
        this.settings = settings;
        this.history = history;
        this.calendars = calendars;
        this.staffing = staffing;
        this.repository = repository;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A value with the center it belongs to. */
    public record InCenter<T>(Center center, T value) {
    }

    /** {@code method} null: automatic selection by backtest; {@code asOf}: learn only from history up to it. */
    public record ForecastRequest(LocalDate from, LocalDate to, String method, LocalDate asOf, String queue) {
    }

    /** {@code method} null: every method. */
    public record BacktestRequest(String method, Integer horizonDays, Integer origins, LocalDate asOf, String queue) {
    }

    public record Actual(LocalDateTime intervalStart, Double contacts) {
    }

    /** {@code now} default: the center's current local time; {@code actuals} default: today's stored history. */
    public record ReforecastRequest(LocalDateTime now, List<Actual> actuals) {
    }

    public record Reforecast(StoredForecast forecast, LocalDateTime now, boolean actualsFromHistory,
            IntradayReforecast.Result result, StaffingService.Requirements requirements) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    /** The forecast of a center's week refresh, and whether this call made it (false: made before). */
    public record Refresh(long forecastId, boolean made) {
    }

    // ---- forecasts ----

    public InCenter<StoredForecast> create(String centerCode, ForecastRequest r, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        Validation v = new Validation();
        v.require(r.from() != null, "from", "forecast.from-required");
        v.require(r.to() != null, "to", "forecast.required");
        checkMethod(r.method(), v);
        checkQueue(r.queue(), v);
        v.throwIfInvalid();
        v.require(!r.to().isBefore(r.from()), "to", "forecast.not-before-from");
        v.require(ChronoUnit.DAYS.between(r.from(), r.to()) < MAX_HORIZON_DAYS, "to",
                "forecast.forecast-covers-most-days", MAX_HORIZON_DAYS, r.from(), r.to(),
                        (ChronoUnit.DAYS.between(r.from(), r.to()) + 1));
        v.require(r.asOf() == null || r.asOf().isBefore(r.from()), "asOf", "forecast.asof-before-from-forecast");
        v.throwIfInvalid();
        return new InCenter<>(center, load(make(center, r, user.actor(), null).forecastId()).orElseThrow());
    }

    /**
     * The weekly refresh of a center: the forecast of the {@value #DEFAULT_HORIZON_DAYS} days from {@code weekStart},
     * learned from the history up to the day before, by the method chosen automatically, made by
     * {@link #REFRESH_ACTOR}. Once per center and week: the week is a unique key of the forecast, so a retried run,
     * or two at once, finds the forecast the first one made.
     */
    public Refresh refresh(long centerId, LocalDate weekStart) {
        Optional<Long> made = repository.refreshOf(centerId, weekStart);
        if (made.isPresent()) {
            return new Refresh(made.get(), false);
        }
        Center center = organisation.centerById(centerId);
        ForecastRequest r = new ForecastRequest(weekStart, weekStart.plusDays(DEFAULT_HORIZON_DAYS - 1), null, null,
                null);
        try {
            return make(center, r, REFRESH_ACTOR, weekStart);
        } catch (DuplicateKeyException e) {
            // another run made it meanwhile; this one's write was rolled back whole
            return new Refresh(repository.refreshOf(centerId, weekStart).orElseThrow(() -> e), false);
        }
    }

    /** The forecast the weekly refresh made for the center's week, if it did. */
    public Optional<Long> refreshOf(long centerId, LocalDate weekStart) {
        return repository.refreshOf(centerId, weekStart);
    }

    /** Makes and stores a valid request's forecast; with {@code refreshWeek}, the refresh of that week. */
    private Refresh make(Center center, ForecastRequest r, String actor, LocalDate refreshWeek) {
        String method = blankToNull(r.method());
        String queue = blankToNull(r.queue());
        IntervalHistory h = learningHistory(center, queue, learningLimit(center, r.asOf() != null ? r.asOf()
                : r.from().minusDays(1)));
        long lead = ChronoUnit.DAYS.between(h.lastDate(), r.to());
        if (lead > MAX_LEAD_DAYS) {
            throw BusinessRuleException.of("forecast.forecast-would-end-days", lead, h.lastDate(), MAX_LEAD_DAYS);
        }
        List<Note> notes = new ArrayList<>();
        ForecastCalendar calendar = calendar(center, r.from(), notes);
        Forecast forecast;
        MethodSelection.Choice choice = null;
        try {
            if (method == null) {
                IntervalHistory known = r.asOf() == null ? h : h.upTo(r.asOf());
                choice = forecaster.select(known.upTo(r.from().minusDays(1)), calendar);
                method = choice.methodName();
            }
            forecast = forecaster.forecast(h, calendar, new Forecaster.Request(r.from(), r.to(), method, r.asOf()));
        } catch (NothingToLearn e) {
            throw BusinessRuleException.of(e.code(), e.args());
        } catch (IllegalArgumentException e) {
            throw BusinessRuleException.of("forecast.cannot-forecast", e.getMessage());
        }
        notes.addAll(forecast.notes());
        LocalDateTime now = now();
        MethodSelection.Choice selected = choice;
        String chosenMethod = method;
        Supplier<Refresh> write = () -> {
            if (refreshWeek != null) {
                // a run again after a commit whose answer was lost finds what it made
                Optional<Long> first = repository.refreshOf(center.id(), refreshWeek);
                if (first.isPresent()) {
                    return new Refresh(first.get(), false);
                }
            }
            Long selectionId = null;
            if (selected != null && !selected.report().origins().isEmpty()) {
                selectionId = repository.insertBacktest(stored(center, queue, StoredBacktest.SELECTION, null,
                        Forecaster.SELECTION, null, forecast.learnedUpTo(), selected.report(), actor, now));
            }
            ForecastRun run = new ForecastRun(0, center.id(), queue, chosenMethod, blankToNull(r.method()), r.from(),
                    r.to(), r.asOf(), forecast.learnedUpTo(), forecast.intervalMinutes(),
                    selected == null ? null : selected.explanation(), selectionId, notes, actor, now);
            long forecastId = repository.insertForecast(run, forecast.intervals(), refreshWeek);
            // the method by the name the planner pages give it
            audit.record(actor, AuditAction.FORECAST_CREATED, "forecast:" + forecastId,
                    Message.of(selected == null ? "audit.forecast-created" : "audit.forecast-created.auto",
                            center.code(), r.from(), r.to(), Message.of("planner.method." + chosenMethod),
                            forecast.learnedUpTo()));
            return new Refresh(forecastId, true);
        };
        return refreshWeek == null ? transactions.write(write) : transactions.writeIdempotent(write);
    }

    /**
     * A day of the forecast, or the intervals {@code [fromTime, toTime)} of it, changed by {@code percent} or to a
     * total of {@code contacts}, with the planner's reason.
     */
    public record AdjustRequest(LocalDate date, LocalTime fromTime, LocalTime toTime, BigDecimal percent,
            BigDecimal contacts, String reason) {
    }

    static final BigDecimal MIN_PERCENT = new BigDecimal("-100");
    static final BigDecimal MAX_PERCENT = new BigDecimal("500");
    static final BigDecimal MAX_CONTACTS = new BigDecimal("1000000");
    static final int MAX_REASON = 200;

    /**
     * Changes a forecast by hand as a new forecast (the one it is made from stays as it was), so that a planner's
     * knowledge (a campaign, an outage) reaches the requirements and the roster, and the change can be traced.
     */
    public InCenter<StoredForecast> adjust(long id, AdjustRequest r, CurrentUser user) {
        InCenter<StoredForecast> f = forecast(id, user);
        Center center = f.center();
        ForecastRun run = f.value().run();
        Validation v = new Validation();
        v.require(r.date() != null, "date", "forecast.adjust.date-required");
        v.require((r.percent() == null) != (r.contacts() == null), "percent", "forecast.adjust.percent-or-contacts");
        v.require(r.reason() != null && !r.reason().isBlank(), "reason", "forecast.adjust.reason-required");
        v.throwIfInvalid();
        v.require(!r.date().isBefore(run.from()) && !r.date().isAfter(run.to()), "date",
                "forecast.adjust.date-outside", r.date(), run.from(), run.to());
        v.require(r.percent() == null || (r.percent().compareTo(MIN_PERCENT) > 0
                && r.percent().compareTo(MAX_PERCENT) <= 0), "percent", "forecast.adjust.percent-range", MAX_PERCENT);
        v.require(r.percent() == null || r.percent().stripTrailingZeros().scale() <= 2, "percent",
                "forecast.adjust.percent-decimals");
        v.require(r.contacts() == null || (r.contacts().signum() >= 0 && r.contacts().compareTo(MAX_CONTACTS) <= 0),
                "contacts", "forecast.adjust.contacts-range", MAX_CONTACTS);
        v.require(r.contacts() == null || r.contacts().stripTrailingZeros().scale() <= 2, "contacts",
                "forecast.adjust.contacts-decimals");
        v.require(r.reason().length() <= MAX_REASON, "reason", "forecast.adjust.reason-length", MAX_REASON);
        for (var t : new Object[][] {{"fromTime", r.fromTime()}, {"toTime", r.toTime()}}) {
            LocalTime time = (LocalTime) t[1];
            v.require(time == null || (time.getSecond() == 0 && time.getNano() == 0
                    && (time.getHour() * 60 + time.getMinute()) % run.intervalMinutes() == 0), (String) t[0],
                    "forecast.adjust.off-grid", run.intervalMinutes());
        }
        v.require(r.fromTime() == null || r.toTime() == null || r.fromTime().isBefore(r.toTime()), "toTime",
                "forecast.adjust.to-after-from");
        v.throwIfInvalid();
        LocalDateTime from = r.date().atTime(r.fromTime() == null ? LocalTime.MIDNIGHT : r.fromTime());
        LocalDateTime to = r.toTime() == null ? r.date().plusDays(1).atStartOfDay() : r.date().atTime(r.toTime());
        ForecastAdjustment adjustment = new ForecastAdjustment(from, to, r.percent(), r.contacts());
        if (f.value().intervals().stream().noneMatch(adjustment::covers)) {
            throw BusinessRuleException.of("forecast.adjust.no-open-interval", from, to);
        }
        List<IntervalForecast> changed = adjustment.apply(f.value().intervals());
        LocalDateTime now = now();
        String reason = r.reason().trim();
        long newId = transactions.write(() -> {
            long created = repository.insertForecast(new ForecastRun(0, center.id(), run.queue(), run.method(),
                    run.requestedMethod(), run.from(), run.to(), run.asOf(), run.learnedUpTo(), run.intervalMinutes(),
                    run.selectionNote(), run.selectionBacktestId(), run.notes(), user.actor(), now), changed);
            repository.insertAdjustment(new StoredAdjustment(created, id, from, to, r.percent(), r.contacts(), reason));
            audit.record(user.actor(), AuditAction.FORECAST_ADJUSTED, "forecast:" + created, r.percent() != null
                    ? Message.of("audit.forecast-adjusted.percent", id, from, to, r.percent(), reason)
                    : Message.of("audit.forecast-adjusted.contacts", id, from, to, r.contacts(), reason));
            return created;
        });
        return new InCenter<>(center, load(newId).orElseThrow());
    }

    /** How the forecast was made by hand from another, if it was. */
    public Optional<StoredAdjustment> adjustment(long forecastId) {
        return repository.adjustment(forecastId);
    }

    public InCenter<StoredForecast> forecast(long id, CurrentUser user) {
        ForecastRun run = repository.run(id).orElseThrow(() -> new NotFoundException("Forecast", id));
        Center center = organisation.centerById(run.centerId());
        if (!user.plansCenter(center.id())) {
            throw new NotFoundException("Forecast", id);
        }
        return new InCenter<>(center, load(id).orElseThrow());
    }

    public InCenter<Page<ForecastRun>> forecasts(String centerCode, Paging paging, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        return new InCenter<>(center, new Page<>(repository.runsOfCenter(center.id(), paging.offset(), paging.size()),
                repository.countRuns(center.id())));
    }

    /** The staffing requirement of every forecast interval, with the center's settings in force on its date. */
    public InCenter<StaffingService.Requirements> requirements(long id, Double patienceSeconds, CurrentUser user) {
        InCenter<StoredForecast> f = forecast(id, user);
        return new InCenter<>(f.center(), staffing.requirements(f.center().id(), f.value().run().intervalMinutes(),
                demands(f.value().intervals()), patienceSeconds));
    }

    /** Today's actuals so far rescale the rest of today (damped); nothing is stored. */
    public InCenter<Reforecast> reforecast(long id, ReforecastRequest r, CurrentUser user) {
        InCenter<StoredForecast> f = forecast(id, user);
        Center center = f.center();
        ForecastRun run = f.value().run();
        ReforecastRequest req = r == null ? new ReforecastRequest(null, null) : r;
        LocalDateTime now = req.now() != null ? req.now()
                : LocalDateTime.now(clock.withZone(center.timeZone())).truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = now.toLocalDate();
        if (today.isBefore(run.from()) || today.isAfter(run.to())) {
            throw BusinessRuleException.of("forecast.forecast-number-covers-not", id, run.from(), run.to(), today);
        }
        Map<LocalDateTime, Double> actuals = new HashMap<>();
        boolean fromHistory = req.actuals() == null;
        if (fromHistory) {
            for (IntervalTotal t : history.totals(center.id(), run.queue(), today, today)) {
                actuals.put(t.intervalStart(), t.contacts());
            }
        } else {
            Validation v = new Validation();
            for (int i = 0; i < req.actuals().size(); i++) {
                Actual a = req.actuals().get(i);
                String at = "actuals[" + i + "]";
                if (a == null || a.intervalStart() == null || a.contacts() == null) {
                    v.require(false, at, "forecast.intervalstart-contacts-required");
                    continue;
                }
                LocalDateTime s = a.intervalStart();
                int minute = s.getHour() * 60 + s.getMinute();
                v.require(s.toLocalDate().equals(today), at + ".intervalStart", "forecast.not", s, today);
                v.require(s.getSecond() == 0 && s.getNano() == 0 && minute % center.intervalMinutes() == 0,
                        at + ".intervalStart", "forecast.off-center-minute-grid", s, center.intervalMinutes());
                v.require(a.contacts() >= 0 && a.contacts() <= 1_000_000, at + ".contacts",
                        "forecast.contacts-between");
                v.require(actuals.put(s, a.contacts()) == null, at + ".intervalStart", "forecast.listed-twice", s);
            }
            v.throwIfInvalid();
        }
        IntradayReforecast.Result result = new IntradayReforecast().reforecast(f.value().toForecast(), actuals, now);
        StaffingService.Requirements requirements = staffing.requirements(center.id(), run.intervalMinutes(),
                demands(result.rest()), null);
        return new InCenter<>(center, new Reforecast(f.value(), now, fromHistory, result, requirements));
    }

    // ---- backtests ----

    public InCenter<StoredBacktest> backtest(String centerCode, BacktestRequest r, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        Validation v = new Validation();
        v.require(r.horizonDays() != null, "horizonDays", "forecast.horizondays-required");
        v.require(r.origins() != null, "origins", "forecast.origins-required");
        checkMethod(r.method(), v);
        checkQueue(r.queue(), v);
        v.throwIfInvalid();
        v.require(r.horizonDays() >= 1 && r.horizonDays() <= MAX_BACKTEST_HORIZON_DAYS, "horizonDays",
                "forecast.horizondays-between-open-days", MAX_BACKTEST_HORIZON_DAYS);
        v.require(r.origins() >= 1 && r.origins() <= MAX_BACKTEST_ORIGINS, "origins", "forecast.origins-between",
                MAX_BACKTEST_ORIGINS);
        v.throwIfInvalid();
        String method = blankToNull(r.method());
        String queue = blankToNull(r.queue());
        IntervalHistory h = learningHistory(center, queue, learningLimit(center, r.asOf()));
        ForecastCalendar calendar = calendar(center, h.lastDate().plusDays(1), null);
        Backtest.Report report;
        try {
            report = forecaster.backtest(h, calendar, method, r.horizonDays(), r.origins());
        } catch (NothingToLearn e) {
            throw BusinessRuleException.of(e.code(), e.args());
        } catch (IllegalArgumentException e) {
            throw BusinessRuleException.of("forecast.cannot-backtest", e.getMessage());
        }
        if (report.origins().isEmpty()) {
            throw BusinessRuleException.of("forecast.history-too-short-backtest", h.openDayCount(), h.lastDate(),
                    r.horizonDays(), (28 + r.horizonDays()));
        }
        Backtest.Options options = Backtest.Options.of(r.origins(), r.horizonDays());
        LocalDateTime now = now();
        long id = transactions.write(() -> repository.insertBacktest(stored(center, queue, StoredBacktest.REQUEST,
                method, options, r.asOf(), h.lastDate(), report, user.actor(), now)));
        return new InCenter<>(center, repository.backtest(id).orElseThrow());
    }

    public InCenter<StoredBacktest> backtest(long id, CurrentUser user) {
        StoredBacktest b = repository.backtest(id).orElseThrow(() -> new NotFoundException("Backtest", id));
        Center center = organisation.centerById(b.centerId());
        if (!user.plansCenter(center.id())) {
            throw new NotFoundException("Backtest", id);
        }
        return new InCenter<>(center, b);
    }

    public InCenter<Page<StoredBacktest>> backtests(String centerCode, Paging paging, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        return new InCenter<>(center, new Page<>(repository.backtestsOfCenter(center.id(), paging.offset(),
                paging.size()), repository.countBacktests(center.id())));
    }

    /** The names of the methods on offer, simplest first. */
    public List<String> methods() {
        return forecaster.methods().stream().map(ForecastMethod::name).toList();
    }

    // ---- helpers ----

    private Optional<StoredForecast> load(long id) {
        return repository.run(id).map(run -> new StoredForecast(run, repository.intervals(id),
                run.selectionBacktestId() == null ? Optional.empty() : repository.backtest(run.selectionBacktestId())));
    }

    /** History of the center (one queue or all) up to {@code limit}: the last {@value #HISTORY_DAYS} days of it. */
    private IntervalHistory learningHistory(Center center, String queue, LocalDate limit) {
        LocalDate last = history.lastDate(center.id(), queue,
                limit).orElseThrow(() -> queue == null
                        ? BusinessRuleException.of("forecast.no-history-before-learn", limit, center.code())
                        : BusinessRuleException.of("forecast.no-history-before-learn.queue", limit, center.code(),
                                queue));
        List<IntervalTotal> totals = history.totals(center.id(), queue, last.minusDays(HISTORY_DAYS - 1), last);
        List<IntervalHistory.Row> rows = new ArrayList<>(totals.size());
        for (IntervalTotal t : totals) {
            rows.add(new IntervalHistory.Row(t.intervalStart(), t.contacts(), t.ahtSeconds()));
        }
        try {
            return IntervalHistory.of(center.intervalMinutes(), rows);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleException.of("forecast.stored-history-cannot-used", e.getMessage());
        }
    }

    /**
     * The planner's calendar with the busy-day windows of the center settings in force on {@code on}. The
     * settings count calendar days (for time-off quotas); the forecast counts the first and last open days of
     * the month and learns a multiplier for each, so the same numbers are passed on.
     */
    private ForecastCalendar calendar(Center center, LocalDate on, List<Note> notes) {
        CenterSettings s = settings.on(center.id(), on);
        int first = Math.min(MAX_BUSY_DAYS, s.busyFirstDays());
        int last = Math.min(MAX_BUSY_DAYS, s.busyLastDays());
        if (notes != null && (first != s.busyFirstDays() || last != s.busyLastDays())) {
            notes.add(Note.of("forecast.note.busy-days-limited", first, last, s.busyFirstDays(), s.busyLastDays()));
        }
        return calendars.forecastCalendar(center, first, last);
    }

    private StoredBacktest stored(Center center, String queue, String purpose, String method, Backtest.Options options,
            LocalDate asOf, LocalDate learnedUpTo, Backtest.Report report, String actor, LocalDateTime now) {
        return new StoredBacktest(0, center.id(), queue, purpose, method, report.horizonDays(), options.origins(),
                options.withIntervals(), asOf, learnedUpTo, report.origins(), report.results(), actor, now);
    }

    private static List<StaffingService.Demand> demands(List<IntervalForecast> intervals) {
        return intervals.stream()
                .map(i -> new StaffingService.Demand(i.start(), i.contacts(), i.ahtSeconds())).toList();
    }

    private void checkMethod(String method, Validation v) {
        if (method != null && !method.isBlank()) {
            v.require(methods().contains(method), "method", "forecast.unknown-method-leave-out", method,
                    String.join(", ", methods()));
        }
    }

    private static void checkQueue(String queue, Validation v) {
        v.require(queue == null || queue.length() <= 64, "queue", "forecast.queue-most-characters");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Learning never includes today (still incomplete) or later: at most yesterday in the center's zone. */
    private LocalDate learningLimit(Center center, LocalDate wanted) {
        LocalDate yesterday = center.today(clock).minusDays(1);
        return wanted == null || wanted.isAfter(yesterday) ? yesterday : wanted;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
