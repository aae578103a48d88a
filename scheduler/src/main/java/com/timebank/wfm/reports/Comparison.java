package com.timebank.wfm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Each figure over two date ranges side by side, with the change as the practice reported it: shares in points
 * (after − before, × 100), amounts in percent of the before value. A figure missing on either side has no change.
 */
public record Comparison(String centerCode, LocalDate date, LocalDate beforeFrom, LocalDate beforeTo,
        LocalDate afterFrom, LocalDate afterTo, List<Figure> figures) {

    public enum Unit { SHARE, MINUTES, SECONDS, COUNT }

    public record Figure(String name, Unit unit, BigDecimal before, BigDecimal after, BigDecimal changePoints,
            BigDecimal changePercent) {

        static Figure of(String name, Unit unit, BigDecimal before, BigDecimal after) {
            BigDecimal points = null;
            BigDecimal percent = null;
            if (before != null && after != null) {
                if (unit == Unit.SHARE) {
                    points = after.subtract(before).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
                }
                if (before.signum() != 0) {
                    percent = after.subtract(before).movePointRight(2).divide(before.abs(), 2, RoundingMode.HALF_UP);
                }
            }
            return new Figure(name, unit, before, after, points, percent);
        }
    }
}
