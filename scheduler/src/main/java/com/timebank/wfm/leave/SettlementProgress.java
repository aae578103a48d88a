package com.timebank.wfm.leave;

import java.time.LocalDate;
import java.util.List;

/**
 * Which business dates still wait for aux settlement. A month cannot close before its activity is settled, or its
 * overdraft leave would be missing; the time bank, which settles, answers (it sits above leave).
 */
public interface SettlementProgress {

    /** Dates up to {@code upTo} with activity that aux settlement has not settled yet, oldest first. */
    List<LocalDate> unsettledDates(long centerId, LocalDate upTo);
}
