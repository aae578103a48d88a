package com.timebank.wfm.web.planner;

/** One agent who came in during an emergency, with the time worked as hours and minutes. */
public class ParticipantForm {

    private String employeeNo;
    private Integer hours;
    private Integer minutes;

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

    public Integer getHours() {
        return hours;
    }

    public void setHours(Integer hours) {
        this.hours = hours;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
    }

    int seconds() {
        return (hours == null ? 0 : hours) * 3600 + (minutes == null ? 0 : minutes) * 60;
    }
}
