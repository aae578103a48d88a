package com.timebank.wfm.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.history.ContactVolume;

/**
 * Contact history the roster tests forecast from: the same number of calls (300 s each) in every half hour from 09:00
 * to 17:00, on each of the four weeks before {@code today}. A seasonal naive forecast of it asks for the same agents
 * every working half hour.
 */
public final class SteadyCalls {

    private SteadyCalls() {
    }

    public static List<ContactVolume> fourWeeksBefore(LocalDate today, int contactsPerInterval) {
        return fourWeeksBefore(today, ContactVolume.DEFAULT_QUEUE, contactsPerInterval);
    }

    public static List<ContactVolume> fourWeeksBefore(LocalDate today, String queue, int contactsPerInterval) {
        List<ContactVolume> rows = new ArrayList<>();
        for (LocalDate d = today.minusDays(28); d.isBefore(today); d = d.plusDays(1)) {
            for (int h = 9; h < 17; h++) {
                rows.add(new ContactVolume(queue, d.atTime(h, 0), contactsPerInterval, 300));
                rows.add(new ContactVolume(queue, d.atTime(h, 30), contactsPerInterval, 300));
            }
        }
        return rows;
    }
}
