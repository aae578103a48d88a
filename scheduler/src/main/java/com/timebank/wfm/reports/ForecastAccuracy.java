package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Accuracy of the published forecasts (the forecast each day's published roster was solved for) against the
 * contacts that arrived (reports.md): wMAPE = Σ|A − F| ÷ ΣA, bias = Σ(F − A) ÷ ΣA (positive: over-forecast), MASE =
 * mean |A − F| ÷ mean |A − A one week earlier| over the intervals where the week before arrived too. Per day, per
 * interval of the day (time of day over the period's days) and in total. Days without a published roster, or
 * nothing arrived yet, are not evaluated.
 */
public record ForecastAccuracy(String centerCode, LocalDate from, LocalDate to, Figures total, List<Day> days,
        List<Slot> intervals, List<LocalDate> notEvaluated) {

    public record Figures(double actualContacts, double forecastContacts, int intervals, BigDecimal wmape,
            BigDecimal bias, BigDecimal mase) {
    }

    public record Day(LocalDate date, long rosterId, long forecastId, Figures figures) {
    }

    public record Slot(LocalTime time, Figures figures) {
    }

    /** Sums of one set of intervals. */
    static final class Errors {
        double actual;
        double forecast;
        double absolute;
        int n;
        double scaledAbsolute;
        double naiveAbsolute;
        int scaledN;

        Errors add(double a, double f, Double naive) {
            actual += a;
            forecast += f;
            absolute += Math.abs(a - f);
            n++;
            if (naive != null) {
                scaledAbsolute += Math.abs(a - f);
                naiveAbsolute += Math.abs(a - naive);
                scaledN++;
            }
            return this;
        }

        Errors add(Errors o) {
            actual += o.actual;
            forecast += o.forecast;
            absolute += o.absolute;
            n += o.n;
            scaledAbsolute += o.scaledAbsolute;
            naiveAbsolute += o.naiveAbsolute;
            scaledN += o.scaledN;
            return this;
        }

        Figures figures() {
            return new Figures(round(actual), round(forecast), n, actual > 0 ? decimal(absolute / actual) : null,
                    actual > 0 ? decimal((forecast - actual) / actual) : null,
                    scaledN > 0 && naiveAbsolute > 0 ? decimal(scaledAbsolute / naiveAbsolute) : null);
        }

        private static double round(double v) {
            return Math.round(v * 100) / 100.0;
        }

        private static BigDecimal decimal(double v) {
            return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
        }
    }
}
