package com.timebank.wfm.forecast.app;

import static com.timebank.wfm.db.Tables.BACKTEST;
import static com.timebank.wfm.db.Tables.BACKTEST_ORIGIN;
import static com.timebank.wfm.db.Tables.BACKTEST_RESULT;
import static com.timebank.wfm.db.Tables.FORECAST;
import static com.timebank.wfm.db.Tables.FORECAST_ADJUSTMENT;
import static com.timebank.wfm.db.Tables.FORECAST_INTERVAL;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.database.Ids;
import com.timebank.wfm.db.tables.records.BacktestRecord;
import com.timebank.wfm.db.tables.records.ForecastRecord;
import com.timebank.wfm.forecast.Backtest;
import com.timebank.wfm.forecast.IntervalForecast;
import com.timebank.wfm.forecast.Note;

@Repository
class ForecastRepository {

    private static final int BATCH = 2_000;

    private final DSLContext db;

    ForecastRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts the run and its intervals (multi-row batches); returns the new forecast id. */
    long insertForecast(ForecastRun run, List<IntervalForecast> intervals) {
        return insertForecast(run, intervals, null);
    }

    /** The same, as the weekly refresh of {@code refreshWeek} (unique per center) when that is not null. */
    long insertForecast(ForecastRun run, List<IntervalForecast> intervals, LocalDate refreshWeek) {
        db.insertInto(FORECAST)
                .set(FORECAST.CENTER_ID, run.centerId())
                .set(FORECAST.QUEUE, run.queue())
                .set(FORECAST.METHOD, run.method())
                .set(FORECAST.REQUESTED_METHOD, run.requestedMethod())
                .set(FORECAST.FROM_DATE, run.from())
                .set(FORECAST.TO_DATE, run.to())
                .set(FORECAST.AS_OF, run.asOf())
                .set(FORECAST.LEARNED_UP_TO, run.learnedUpTo())
                .set(FORECAST.INTERVAL_MINUTES, run.intervalMinutes())
                .set(FORECAST.SELECTION_NOTE, run.selectionNote() == null ? null : truncate(NoteJson.write(run.selectionNote()), 2000))
                .set(FORECAST.SELECTION_BACKTEST_ID, run.selectionBacktestId())
                .set(FORECAST.NOTES, run.notes().isEmpty() ? null : NoteJson.write(run.notes()))
                .set(FORECAST.CREATED_BY, run.createdBy())
                .set(FORECAST.CREATED_AT, run.createdAt())
                .set(FORECAST.REFRESH_WEEK, refreshWeek)
                .execute();
        long id = Ids.lastInserted(db);
        for (int from = 0; from < intervals.size(); from += BATCH) {
            var insert = db.insertInto(FORECAST_INTERVAL, FORECAST_INTERVAL.FORECAST_ID, FORECAST_INTERVAL.INTERVAL_START,
                    FORECAST_INTERVAL.CONTACTS, FORECAST_INTERVAL.AHT_SECONDS, FORECAST_INTERVAL.LOWER80,
                    FORECAST_INTERVAL.UPPER80, FORECAST_INTERVAL.LOWER95, FORECAST_INTERVAL.UPPER95);
            for (IntervalForecast i : intervals.subList(from, Math.min(intervals.size(), from + BATCH))) {
                insert = insert.values(id, i.start(), i.contacts(), i.ahtSeconds(), i.lower80(), i.upper80(),
                        i.lower95(), i.upper95());
            }
            insert.execute();
        }
        return id;
    }

    void insertAdjustment(StoredAdjustment a) {
        db.insertInto(FORECAST_ADJUSTMENT)
                .set(FORECAST_ADJUSTMENT.FORECAST_ID, a.forecastId()).set(FORECAST_ADJUSTMENT.BASED_ON_ID, a.basedOnId())
                .set(FORECAST_ADJUSTMENT.FROM_AT, a.from()).set(FORECAST_ADJUSTMENT.TO_AT, a.to())
                .set(FORECAST_ADJUSTMENT.PERCENT, a.percent()).set(FORECAST_ADJUSTMENT.CONTACTS, a.contacts())
                .set(FORECAST_ADJUSTMENT.REASON, a.reason())
                .execute();
    }

    Optional<StoredAdjustment> adjustment(long forecastId) {
        return db.selectFrom(FORECAST_ADJUSTMENT).where(FORECAST_ADJUSTMENT.FORECAST_ID.eq(forecastId)).fetchOptional()
                .map(r -> new StoredAdjustment(r.getForecastId(), r.getBasedOnId(), r.getFromAt(), r.getToAt(),
                        r.getPercent(), r.getContacts(), r.getReason()));
    }

    Optional<ForecastRun> run(long id) {
        return db.selectFrom(FORECAST).where(FORECAST.ID.eq(id)).fetchOptional().map(ForecastRepository::run);
    }

    List<IntervalForecast> intervals(long forecastId) {
        return db.selectFrom(FORECAST_INTERVAL).where(FORECAST_INTERVAL.FORECAST_ID.eq(forecastId))
                .orderBy(FORECAST_INTERVAL.INTERVAL_START)
                .fetch(r -> new IntervalForecast(r.getIntervalStart(), r.getContacts(), r.getAhtSeconds(),
                        r.getLower80(), r.getUpper80(), r.getLower95(), r.getUpper95()));
    }

    /** Newest first. */
    List<ForecastRun> runsOfCenter(long centerId, int offset, int limit) {
        return db.selectFrom(FORECAST).where(FORECAST.CENTER_ID.eq(centerId)).orderBy(FORECAST.ID.desc())
                .offset(offset).limit(limit).fetch(ForecastRepository::run);
    }

    /** The forecast the weekly refresh made for the center's week, if it did. */
    Optional<Long> refreshOf(long centerId, LocalDate weekStart) {
        return db.select(FORECAST.ID).from(FORECAST)
                .where(FORECAST.CENTER_ID.eq(centerId).and(FORECAST.REFRESH_WEEK.eq(weekStart)))
                .fetchOptional(FORECAST.ID);
    }

    int countRuns(long centerId) {
        return db.fetchCount(FORECAST, FORECAST.CENTER_ID.eq(centerId));
    }

    /** Inserts a backtest with its origins and per-method results; returns its id. */
    long insertBacktest(StoredBacktest b) {
        db.insertInto(BACKTEST)
                .set(BACKTEST.CENTER_ID, b.centerId())
                .set(BACKTEST.QUEUE, b.queue())
                .set(BACKTEST.PURPOSE, b.purpose())
                .set(BACKTEST.METHOD, b.method())
                .set(BACKTEST.HORIZON_DAYS, b.horizonDays())
                .set(BACKTEST.ORIGINS_REQUESTED, b.originsRequested())
                .set(BACKTEST.WITH_INTERVALS, b.withIntervals())
                .set(BACKTEST.AS_OF, b.asOf())
                .set(BACKTEST.LEARNED_UP_TO, b.learnedUpTo())
                .set(BACKTEST.CREATED_BY, b.createdBy())
                .set(BACKTEST.CREATED_AT, b.createdAt())
                .execute();
        long id = Ids.lastInserted(db);
        if (!b.origins().isEmpty()) {
            var origins = db.insertInto(BACKTEST_ORIGIN, BACKTEST_ORIGIN.BACKTEST_ID, BACKTEST_ORIGIN.ORIGIN_DATE);
            for (LocalDate d : b.origins()) {
                origins = origins.values(id, d);
            }
            origins.execute();
        }
        if (!b.results().isEmpty()) {
            var results = db.insertInto(BACKTEST_RESULT, BACKTEST_RESULT.BACKTEST_ID, BACKTEST_RESULT.SEQ,
                    BACKTEST_RESULT.METHOD, BACKTEST_RESULT.MAE, BACKTEST_RESULT.RMSE, BACKTEST_RESULT.WMAPE,
                    BACKTEST_RESULT.MASE, BACKTEST_RESULT.ORIGIN_COUNT, BACKTEST_RESULT.INTERVAL_COUNT,
                    BACKTEST_RESULT.COVERAGE80, BACKTEST_RESULT.COVERAGE95);
            int seq = 0;
            for (Backtest.MethodResult r : b.results()) {
                results = results.values(id, seq++, r.method(), orNull(r.mae()), orNull(r.rmse()), orNull(r.wmape()),
                        orNull(r.mase()), r.origins(), r.intervals(), orNull(r.coverage80()), orNull(r.coverage95()));
            }
            results.execute();
        }
        return id;
    }

    Optional<StoredBacktest> backtest(long id) {
        return db.selectFrom(BACKTEST).where(BACKTEST.ID.eq(id)).fetchOptional().map(this::backtest);
    }

    /** Backtests a planner asked for, newest first (selection backtests are reached through their forecast). */
    List<StoredBacktest> backtestsOfCenter(long centerId, int offset, int limit) {
        return db.selectFrom(BACKTEST)
                .where(BACKTEST.CENTER_ID.eq(centerId).and(BACKTEST.PURPOSE.eq(StoredBacktest.REQUEST)))
                .orderBy(BACKTEST.ID.desc()).offset(offset).limit(limit).fetch(this::backtest);
    }

    int countBacktests(long centerId) {
        return db.fetchCount(BACKTEST, BACKTEST.CENTER_ID.eq(centerId).and(BACKTEST.PURPOSE.eq(StoredBacktest.REQUEST)));
    }

    private StoredBacktest backtest(BacktestRecord r) {
        List<LocalDate> origins = db.select(BACKTEST_ORIGIN.ORIGIN_DATE).from(BACKTEST_ORIGIN)
                .where(BACKTEST_ORIGIN.BACKTEST_ID.eq(r.getId())).orderBy(BACKTEST_ORIGIN.ORIGIN_DATE)
                .fetch(BACKTEST_ORIGIN.ORIGIN_DATE);
        List<Backtest.MethodResult> results = db.selectFrom(BACKTEST_RESULT)
                .where(BACKTEST_RESULT.BACKTEST_ID.eq(r.getId())).orderBy(BACKTEST_RESULT.SEQ)
                .fetch(x -> new Backtest.MethodResult(x.getMethod(), nan(x.getMae()), nan(x.getRmse()),
                        nan(x.getWmape()), nan(x.getMase()), x.getOriginCount(), x.getIntervalCount(),
                        nan(x.getCoverage80()), nan(x.getCoverage95())));
        return new StoredBacktest(r.getId(), r.getCenterId(), r.getQueue(), r.getPurpose(), r.getMethod(),
                r.getHorizonDays(), r.getOriginsRequested(), r.getWithIntervals(), r.getAsOf(), r.getLearnedUpTo(),
                origins, results, r.getCreatedBy(), r.getCreatedAt());
    }

    private static ForecastRun run(ForecastRecord r) {
        List<Note> notes = NoteJson.readList(r.getNotes());
        return new ForecastRun(r.getId(), r.getCenterId(), r.getQueue(), r.getMethod(), r.getRequestedMethod(),
                r.getFromDate(), r.getToDate(), r.getAsOf(), r.getLearnedUpTo(), r.getIntervalMinutes(),
                NoteJson.read(r.getSelectionNote()), r.getSelectionBacktestId(), notes, r.getCreatedBy(), r.getCreatedAt());
    }

    /** MariaDB has no NaN: a measure that cannot be computed is stored as NULL. */
    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
