package com.timebank.wfm.web;

import java.math.BigDecimal;
import java.text.NumberFormat;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Report figures in templates as {@code @report}: shares as percent (two places, half up only here) and decimals;
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
        NumberFormat f = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    /** Σ of a line's reversals, whatever flow they correct. */
    public long reversals(com.timebank.wfm.reports.BalanceLine line) {
        return line.reversals().values().stream().mapToLong(Long::longValue).sum();
    }
}
