package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The facade the API uses: a forecast with a named or automatically chosen method, optionally "as of" a
 * past date; and backtests.
 */
public final class Forecaster {

    /**
     * @param method null for automatic selection by backtest
     * @param asOf   null to learn from all history before {@code from}; otherwise learn only up to {@code asOf}
     */
    public record Request(LocalDate from, LocalDate to, String method, LocalDate asOf) {
        public Request {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Backtest used for automatic selection: 8 origins, 10 open days ahead, point forecasts only. */
    public static final Backtest.Options SELECTION = new Backtest.Options(8, 10, 5, false);

    private final List<ForecastMethod> methods;
    private final Backtest.Options selection;

    public Forecaster() {
        this(ForecastMethods.standard(), SELECTION);
    }

    public Forecaster(List<ForecastMethod> methods, Backtest.Options selection) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no methods");
        }
        this.methods = List.copyOf(methods);
        this.selection = selection;
    }

    public List<ForecastMethod> methods() {
        return methods;
    }

    public Forecast forecast(IntervalHistory history, ForecastCalendar calendar, Request request) {
        IntervalHistory known = request.asOf() == null ? history : history.upTo(request.asOf());
        if (request.method() != null) {
            return method(request.method()).forecast(known, calendar, request.from(), request.to());
        }
        MethodSelection.Choice choice = select(known.upTo(request.from().minusDays(1)), calendar);
        return choice.method().forecast(known, calendar, request.from(), request.to())
                .withMethodAndNote(choice.methodName(), choice.explanation());
    }

    /** Picks a method for this history by backtest. */
    public MethodSelection.Choice select(IntervalHistory history, ForecastCalendar calendar) {
        return MethodSelection.select(history, calendar, methods, selection);
    }

    /** Backtest of one method ({@code method} non-null) or of all. */
    public Backtest.Report backtest(IntervalHistory history, ForecastCalendar calendar, String method,
                                    int horizonDays, int origins) {
        List<ForecastMethod> which = method == null ? methods : List.of(method(method));
        return Backtest.run(history, calendar, which, Backtest.Options.of(origins, horizonDays));
    }

    private ForecastMethod method(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown forecast method '" + name + "'; known: "
                        + methods.stream().map(ForecastMethod::name).toList()));
    }
}
