package com.timebank.wfm.leave;

public enum LeaveType {
    PERSONAL, SICK, ANNUAL
}
