package com.timebank.wfm.leave;

import java.time.YearMonth;

/** An agent's month once closed: full attendance when every second of leave was offset. */
public record Attendance(YearMonth month, long leaveSeconds, long offsetSeconds, boolean fullAttendance) {

    public static Attendance of(YearMonth month, long leaveSeconds, long offsetSeconds) {
        return new Attendance(month, leaveSeconds, offsetSeconds, offsetSeconds >= leaveSeconds);
    }
}
