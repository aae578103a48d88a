package com.timebank.wfm.leave;

/**
 * LEAVE: recorded by a lead or imported from HR; OVERDRAFT: created by aux settlement when the balance cannot repay
 * excess aux time.
 */
public enum LeaveSource {
    LEAVE, OVERDRAFT
}
