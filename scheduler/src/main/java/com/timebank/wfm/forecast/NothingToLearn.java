package com.timebank.wfm.forecast;

/**
 * The history holds no day a method may learn from (none open before the horizon, or every open one a planner's
 * special day or a day the clocks change). It carries a message code and arguments so that the planner reads why in
 * their language; the English text is for the log.
 */
public final class NothingToLearn extends IllegalArgumentException {

    private final String code;
    private final transient Object[] args;

    NothingToLearn(String code, String english, Object... args) {
        super(english);
        this.code = code;
        this.args = args.clone();
    }

    static NothingToLearn noOpenDayBefore(java.time.LocalDate from) {
        return new NothingToLearn("forecast.no-open-day-before", "no open day in the history before " + from, from);
    }

    static NothingToLearn noLearnableDay() {
        return new NothingToLearn("forecast.no-learnable-day",
                "no learnable day (every open day is a planner special day or a day the clocks change)");
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
