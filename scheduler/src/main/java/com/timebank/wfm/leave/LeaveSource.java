package com.timebank.wfm.leave;

/** LEAVE: recorded by a lead or imported from HR; OVERDRAFT: created by aux settlement (service 2). */
public enum LeaveSource {
    LEAVE, OVERDRAFT
}
