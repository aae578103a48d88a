package com.timebank.wfm.web.planner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.timebank.wfm.web.PageFormat;

/** Backtest measures in templates as {@code @measure}: a measure that could not be computed shows as a dash. */
@Component("measure")
public class MeasureFormat {

    static final String NONE = "—";

    private final PageFormat fmt;

    MeasureFormat(PageFormat fmt) {
        this.fmt = fmt;
    }

    public String decimal(double value, int places) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        NumberFormat f = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        f.setMinimumFractionDigits(places);
        f.setMaximumFractionDigits(places);
        // half up on the double's own digits, as reports.md rounds for display (0.125 → 0.13)
        return f.format(new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP));
    }

    public String percent(double ratio) {
        return Double.isFinite(ratio) ? fmt.percent(ratio) : NONE;
    }
}
