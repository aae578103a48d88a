package com.timebank.wfm.web;

import java.math.BigDecimal;
import java.text.NumberFormat;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Report figures in templates as {@code @report}: shares as percent and decimals, two places, half up only here;
 * a figure the data cannot give (null) shows as a dash.
 */
@Component("report")
public class ReportFormat {

    static final String NONE = "—";

    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return NONE;
        }
        NumberFormat f = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(ratio.setScale(4, java.math.RoundingMode.HALF_UP));
    }

    public String decimal(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        return PageFormat.decimal(value, 2);
    }

    /** A compared figure in its unit: shares in percent, amounts of time in h:mm, minutes and counts as decimals. */
    public String figure(com.timebank.wfm.reports.Comparison.Unit unit, BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        return switch (unit) {
            case SHARE -> percent(value);
            case SECONDS -> hoursMinutes(value.longValue());
            case MINUTES, COUNT -> decimal(value);
        };
    }

    /** As {@code @fmt.hoursMinutes}: whole minutes, half up. */
    static String hoursMinutes(long seconds) {
        long minutes = (Math.abs(seconds) + 30) / 60;
        return (seconds < 0 ? "−" : "") + minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }

    /** Σ of a line's reversals, whatever flow they correct. */
    public long reversals(com.timebank.wfm.reports.BalanceLine line) {
        return line.reversals().values().stream().mapToLong(Long::longValue).sum();
    }
}
