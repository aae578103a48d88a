package com.timebank.wfm.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The re-solve form of a published roster: the dates and/or agents to reopen, and the solve time. A date or number
 * that does not parse is refused by the binder ({@code typeMismatch.rosterResolveForm.*}).
 */
public class RosterResolveForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private List<LocalDate> dates = new ArrayList<>();
    private List<String> employeeNos = new ArrayList<>();
    private Integer solveSeconds;

    public List<LocalDate> getDates() {
        return dates;
    }

    public void setDates(List<LocalDate> dates) {
        this.dates = dates == null ? new ArrayList<>() : dates;
    }

    public List<String> getEmployeeNos() {
        return employeeNos;
    }

    public void setEmployeeNos(List<String> employeeNos) {
        this.employeeNos = employeeNos == null ? new ArrayList<>() : employeeNos;
    }

    public Integer getSolveSeconds() {
        return solveSeconds;
    }

    public void setSolveSeconds(Integer solveSeconds) {
        this.solveSeconds = solveSeconds;
    }
}
