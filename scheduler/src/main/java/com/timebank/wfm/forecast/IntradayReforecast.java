package com.timebank.wfm.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Intraday reforecast: today's actuals so far rescale the rest of today.
 *
 * <p>The ratio {@code r = actual so far / forecast so far} (over completed intervals with an actual) is
 * damped twice before use: by the evidence behind it, {@code w = damping * F / (F + priorContacts)} with
 * {@code F} the forecast contacts so far (three calls at 07:00 prove little), and by lead time, the
 * correction fading by {@code decayPerHour} for each hour ahead (a morning surge often settles).
 * The multiplier for an interval {@code h} hours ahead is {@code 1 + w (r - 1) decayPerHour^h}; the
 * ratio is clamped to [0.2, 5] against feed glitches.
 */
public final class IntradayReforecast {

    /** What was observed and what it changed. */
    public record Result(double ratio, double weight, double forecastSoFar, double actualSoFar,
                         List<IntervalForecast> rest) {
        public Result {
            rest = List.copyOf(rest);
        }
    }

    public static final double DEFAULT_DAMPING = 0.8;
    public static final double DEFAULT_PRIOR_CONTACTS = 50;
    public static final double DEFAULT_DECAY_PER_HOUR = 0.95;

    private final double damping;
    private final double priorContacts;
    private final double decayPerHour;

    public IntradayReforecast() {
        this(DEFAULT_DAMPING, DEFAULT_PRIOR_CONTACTS, DEFAULT_DECAY_PER_HOUR);
    }

    public IntradayReforecast(double damping, double priorContacts, double decayPerHour) {
        if (!(damping >= 0 && damping <= 1) || !(priorContacts >= 0) || !(decayPerHour > 0 && decayPerHour <= 1)) {
            throw new IllegalArgumentException("damping in [0,1], priorContacts >= 0, decayPerHour in (0,1] required");
        }
        this.damping = damping;
        this.priorContacts = priorContacts;
        this.decayPerHour = decayPerHour;
    }

    /**
     * @param forecast       a forecast that covers today
     * @param actualContacts today's actual contacts by interval start (intervals not yet reported are absent)
     * @param now            the current time; intervals ending at or before it are complete
     * @return the intervals of today that have not ended yet, rescaled
     */
    public Result reforecast(Forecast forecast, Map<LocalDateTime, Double> actualContacts, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        long minutes = forecast.intervalMinutes();
        double f = 0;
        double a = 0;
        List<IntervalForecast> rest = new ArrayList<>();
        for (IntervalForecast i : forecast.intervalsOn(today)) {
            if (!i.start().plusMinutes(minutes).isAfter(now)) {
                Double actual = actualContacts.get(i.start());
                if (actual != null) {
                    f += i.contacts();
                    a += actual;
                }
            } else {
                rest.add(i);
            }
        }
        if (f <= 0) {
            return new Result(1, 0, f, a, rest);
        }
        double ratio = Math.max(0.2, Math.min(5, a / f));
        double weight = damping * f / (f + priorContacts);
        List<IntervalForecast> out = new ArrayList<>(rest.size());
        for (IntervalForecast i : rest) {
            double hoursAhead = Math.max(0, java.time.Duration.between(now, i.start()).toMinutes() / 60.0);
            double multiplier = 1 + weight * (ratio - 1) * Math.pow(decayPerHour, hoursAhead);
            out.add(i.scaled(multiplier));
        }
        return new Result(ratio, weight, f, a, out);
    }
}
