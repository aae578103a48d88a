package com.timebank.wfm.forecast;

import java.util.List;

/** The methods the service offers, in order of simplicity (ties in a backtest go to the simpler one). */
public final class ForecastMethods {

    private ForecastMethods() {
    }

    public static List<ForecastMethod> standard() {
        return List.of(
                new SeasonalNaive(),
                HistoricalAverage.mean(6),
                HistoricalAverage.trimmedMean(8, 1),
                HistoricalAverage.weightedMean(8, 0.8),
                new DailyVolumeTimesProfile(),
                new DoubleSeasonalHoltWinters());
    }

    public static List<String> names() {
        return standard().stream().map(ForecastMethod::name).toList();
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static ForecastMethod byName(String name) {
        return standard().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown forecast method '" + name + "'; known: " + names()));
    }
}
