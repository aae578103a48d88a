package com.timebank.wfm.leave;

import java.time.LocalDate;
import java.util.OptionalInt;

/** Time-off slots that a published roster leaves on a date while every interval keeps the service-level target. */
public interface RosterQuota {

    /** Empty when no published roster covers the date. */
    OptionalInt slots(long centerId, LocalDate date);
}
