package com.timebank.wfm.history;

import java.time.LocalDateTime;

/**
 * Contacts of one interval summed over the queues asked for, with their contact-weighted AHT in seconds (the plain
 * mean of the rows when the interval had no contacts).
 */
public record IntervalTotal(LocalDateTime intervalStart, double contacts, double ahtSeconds) {
}
