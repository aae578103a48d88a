package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.NavigableMap;

import com.timebank.wfm.org.CenterSettings;

/** The lowest and highest aux target in force over a date range: equal unless the target changed within it. */
public record Targets(BigDecimal lowest, BigDecimal highest) {

    public boolean changed() {
        return lowest.compareTo(highest) != 0;
    }

    static Targets of(NavigableMap<LocalDate, CenterSettings> inForce) {
        return new Targets(
                inForce.values().stream().map(CenterSettings::auxTarget).min(Comparator.naturalOrder()).orElseThrow(),
                inForce.values().stream().map(CenterSettings::auxTarget).max(Comparator.naturalOrder()).orElseThrow());
    }
}
