package com.timebank.wfm.roster;

import java.time.LocalDateTime;

/** One interval of a roster's requirement: the forecast workload and the scheduled agents it requires. */
public record RosterInterval(LocalDateTime start, double contacts, double ahtSeconds, int required) {
}
