package com.timebank.wfm.web.planner;

/** A new forecast: the period, the method (blank: chosen by backtest) and optionally "as of" a past date. */
public class ForecastForm {

    private String from;
    private String to;
    private String method;
    private String asOf;

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getAsOf() {
        return asOf;
    }

    public void setAsOf(String asOf) {
        this.asOf = asOf;
    }
}
