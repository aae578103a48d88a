package com.timebank.wfm.web.planner;

import com.timebank.wfm.web.DurationForm;

/** One agent who came in during an emergency, with the time worked as hours and minutes. */
public class ParticipantForm extends DurationForm {

    private String employeeNo;

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

    long seconds() {
        return durationSeconds();
    }
}
