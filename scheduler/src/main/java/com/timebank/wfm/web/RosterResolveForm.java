package com.timebank.wfm.web;

import java.util.ArrayList;
import java.util.List;

/** The re-solve form of a published roster: the dates and/or agents to reopen, and the solve time. */
public class RosterResolveForm {

    private List<String> dates = new ArrayList<>();
    private List<String> employeeNos = new ArrayList<>();
    private String solveSeconds;

    public List<String> getDates() {
        return dates;
    }

    public void setDates(List<String> dates) {
        this.dates = dates == null ? new ArrayList<>() : dates;
    }

    public List<String> getEmployeeNos() {
        return employeeNos;
    }

    public void setEmployeeNos(List<String> employeeNos) {
        this.employeeNos = employeeNos == null ? new ArrayList<>() : employeeNos;
    }

    public String getSolveSeconds() {
        return solveSeconds;
    }

    public void setSolveSeconds(String solveSeconds) {
        this.solveSeconds = solveSeconds;
    }
}
