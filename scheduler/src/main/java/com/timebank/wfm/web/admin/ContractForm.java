package com.timebank.wfm.web.admin;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.timebank.wfm.web.HoursMinutes;

/** A weekly contract from a date on, typed as hours and minutes ({@code 40:00}). */
public class ContractForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate effectiveFrom;
    @HoursMinutes
    private Integer weeklyMinMinutes;
    @HoursMinutes
    private Integer weeklyMaxMinutes;

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public Integer getWeeklyMinMinutes() {
        return weeklyMinMinutes;
    }

    public void setWeeklyMinMinutes(Integer weeklyMinMinutes) {
        this.weeklyMinMinutes = weeklyMinMinutes;
    }

    public Integer getWeeklyMaxMinutes() {
        return weeklyMaxMinutes;
    }

    public void setWeeklyMaxMinutes(Integer weeklyMaxMinutes) {
        this.weeklyMaxMinutes = weeklyMaxMinutes;
    }
}
