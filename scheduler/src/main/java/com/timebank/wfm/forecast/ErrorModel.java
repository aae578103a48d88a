package com.timebank.wfm.forecast;

import java.time.LocalDate;

/**
 * Prediction-interval model of a method's forecast errors: {@code Var(actual - forecast) = phi*mu + kappa*mu^2}.
 * The first term is arrival noise (Poisson has {@code phi = 1}; a method's own estimation noise inflates it),
 * the second the day-to-day and model error that grows with volume.
 *
 * <p>Calibrated honestly, out of sample: the method is refitted on history up to 21 and up to 42 days before
 * the end, forecasts the following 21 days each time, and {@code phi}, {@code kappa} are fitted to the squared
 * errors by iteratively reweighted least squares. In-sample residuals would be too optimistic for every method
 * that averages few weeks.
 *
 * <p>Bounds are quantiles of a gamma distribution (Wilson-Hilferty), skewed like counts and never negative,
 * with a continuity correction: the gamma describes {@code count + U(-1/2, 1/2)}, i.e. mean {@code mu + 1/2}
 * after a shift and variance {@code + 1/12}. Without it, intervals of quiet slots (one or two calls expected)
 * would cover far less than their level because they would exclude zero.
 */
final class ErrorModel {

    static final int HOLDOUT_DAYS = 21;
    /** Two consecutive windows: errors 1-21 days ahead, and twice the residuals of one window. */
    static final int HOLDOUT_WINDOWS = 2;
    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;
    private static final int MIN_TRAIN_OPEN_DAYS = 14;
    private static final int MIN_RESIDUALS = 50;
    private static final ErrorModel FALLBACK = new ErrorModel(2.0, 0.02, 0, true);

    final double dispersion;
    final double relativeVariance;
    final int residuals;
    final boolean fallback;

    private ErrorModel(double dispersion, double relativeVariance, int residuals, boolean fallback) {
        this.dispersion = dispersion;
        this.relativeVariance = relativeVariance;
        this.residuals = residuals;
        this.fallback = fallback;
    }

    static ErrorModel calibrate(ForecastMethod method, IntervalHistory h, ForecastCalendar calendar) {
        int capacity = HOLDOUT_WINDOWS * HOLDOUT_DAYS * h.slotsPerDay();
        double[] mu = new double[capacity];
        double[] e2 = new double[capacity];
        int n = 0;
        for (int k = 1; k <= HOLDOUT_WINDOWS; k++) {
            LocalDate cut = h.lastDate().minusDays((long) k * HOLDOUT_DAYS);
            IntervalHistory train = h.upTo(cut);
            if (train.openDayCount() < MIN_TRAIN_OPEN_DAYS) {
                break;
            }
            ForecastAssembler.Points p = ForecastAssembler.points(method, train, calendar, cut.plusDays(1),
                    cut.plusDays(HOLDOUT_DAYS), null);
            for (int i = 0; i < p.days().size(); i++) {
                LocalDate day = p.days().get(i);
                int hi = h.dayIndex(day);
                if (hi < 0 || !h.isOpen(hi) || calendar.isSpecial(day) || calendar.clocksChange(day)) {
                    continue; // predicted open but closed: nothing to compare with, and never a zero
                }
                boolean[] mask = p.masks().get(i);
                for (int s = 0; s < mask.length; s++) {
                    if (mask[s]) {
                        double e = h.contacts(hi, s) - p.mu()[i][s];
                        mu[n] = p.mu()[i][s];
                        e2[n] = e * e;
                        n++;
                    }
                }
            }
        }
        if (n < MIN_RESIDUALS) {
            return FALLBACK;
        }
        return fit(mu, e2, n);
    }

    /** IRLS fit of {@code e^2 ~ phi*mu + kappa*mu^2}, with {@code phi >= 1} (never below Poisson) and {@code kappa >= 0}. */
    static ErrorModel fit(double[] mu, double[] e2, int n) {
        double phi = 1;
        double kappa = 0;
        for (int iter = 0; iter < 6; iter++) {
            double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
            for (int i = 0; i < n; i++) {
                double m = Math.max(mu[i], 0.5);
                double v = phi * m + kappa * m * m;
                double w = 1 / (v * v); // Var(e^2) ~ 2 v^2
                a11 += w * m * m;
                a12 += w * m * m * m;
                a22 += w * m * m * m * m;
                b1 += w * m * e2[i];
                b2 += w * m * m * e2[i];
            }
            double det = a11 * a22 - a12 * a12;
            double p = det > 0 ? (b1 * a22 - b2 * a12) / det : b1 / a11;
            double k = det > 0 ? (a11 * b2 - a12 * b1) / det : 0;
            if (k < 0) {
                k = 0;
                p = b1 / a11;
            }
            if (p < 1) {
                p = 1;
                k = Math.max(0, (b2 - a12) / a22);
            }
            phi = p;
            kappa = k;
        }
        return new ErrorModel(phi, kappa, n, false);
    }

    double variance(double mu) {
        return dispersion * mu + relativeVariance * mu * mu;
    }

    /**
     * Quantile at standard-normal score {@code z} of the predicted count: gamma (Wilson-Hilferty) for
     * {@code count + 1/2} with variance {@code variance(mu) + 1/12}, shifted back by 1/2, never below 0.
     */
    double quantile(double mu, double z) {
        if (!(mu > 0)) {
            return 0;
        }
        double m = mu + 0.5;
        double v = variance(mu) + 1.0 / 12;
        double shape = m * m / v;
        double c = 1 / (9 * shape);
        double base = 1 - c + z * Math.sqrt(c);
        return base <= 0 ? 0 : Math.max(0, m * base * base * base - 0.5);
    }

    Note describe() {
        if (fallback) {
            return Note.of("forecast.note.intervals-default", dispersion, Math.sqrt(relativeVariance));
        }
        return Note.of("forecast.note.intervals-calibrated", residuals, HOLDOUT_WINDOWS * HOLDOUT_DAYS, dispersion,
                Math.sqrt(relativeVariance));
    }
}
