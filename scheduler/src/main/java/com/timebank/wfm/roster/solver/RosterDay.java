package com.timebank.wfm.roster.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A day of the horizon: a problem fact with its index, week, weekend flag and the idle/busy flags that come
 * from the requirement (idle days are where time-bank days off are preferred; busy days are peaks such as
 * month end).
 */
public final class RosterDay {

    @PlanningId
    private final LocalDate date;
    private final int dayIndex;
    private final int weekIndex;
    private final int horizonDays;
    private final boolean weekend;
    private final boolean idle;
    private final boolean busy;
    private final CoverageGrid coverageGrid;
    private final ContractWeeks contractWeeks;
    private final long startMinute;

    public RosterDay(LocalDate date, int dayIndex, int horizonDays, boolean weekend, boolean idle, boolean busy,
            CoverageGrid coverageGrid) {
        this(date, dayIndex, horizonDays, weekend, idle, busy, coverageGrid, ContractWeeks.fromHorizonStart(horizonDays));
    }

    public RosterDay(LocalDate date, int dayIndex, int horizonDays, boolean weekend, boolean idle, boolean busy,
            CoverageGrid coverageGrid, ContractWeeks contractWeeks) {
        this.date = date;
        this.dayIndex = dayIndex;
        this.contractWeeks = contractWeeks;
        this.weekIndex = contractWeeks.weekOf(dayIndex);
        this.horizonDays = horizonDays;
        this.weekend = weekend;
        this.idle = idle;
        this.busy = busy;
        this.coverageGrid = coverageGrid;
        this.startMinute = date.toEpochDay() * 1440L;
    }

    /** Midnight at the start of this day in {@link Unavailability#localMinute} units. */
    public long getStartMinute() {
        return startMinute;
    }

    public LocalDate getDate() {
        return date;
    }

    public DayOfWeek getDayOfWeek() {
        return date.getDayOfWeek();
    }

    /** 0-based index from the horizon start. */
    public int getDayIndex() {
        return dayIndex;
    }

    /** Contract week of this day ({@link ContractWeeks}; without a week start, the 7-day blocks of the horizon). */
    public int getWeekIndex() {
        return weekIndex;
    }

    public ContractWeeks getContractWeeks() {
        return contractWeeks;
    }

    public int getHorizonDays() {
        return horizonDays;
    }

    public boolean isWeekend() {
        return weekend;
    }

    public boolean isIdle() {
        return idle;
    }

    public boolean isBusy() {
        return busy;
    }

    public CoverageGrid getCoverageGrid() {
        return coverageGrid;
    }

    @Override
    public String toString() {
        return date.toString();
    }
}
