package com.timebank.wfm.web.planner;

import java.math.BigDecimal;

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
        // the double's own decimal digits, so that 0.125 rounds half up to 0.13
        return PageFormat.decimal(new BigDecimal(Double.toString(value)), places);
    }

    public String percent(double ratio) {
        return Double.isFinite(ratio) ? fmt.percent(ratio) : NONE;
    }
}
