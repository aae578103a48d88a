package com.timebank.wfm.leave;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Month close (interest-free loan): the chosen items are offset oldest first, each as a whole, as far as the available
 * balance goes. The first item the balance cannot cover stops the offsets, so a newer item is never offset while
 * an older one stays open.
 */
public final class LeaveOffsets {

    public record Item(long leaveId, LocalDate date, long seconds) {
    }

    public record Plan(List<Item> offset, List<Item> notCovered, long offsetSeconds) {
    }

    private LeaveOffsets() {
    }

    public static Plan plan(List<Item> chosen, long availableSeconds) {
        List<Item> ordered = chosen.stream()
                .sorted(Comparator.comparing(Item::date).thenComparingLong(Item::leaveId)).toList();
        List<Item> offset = new ArrayList<>();
        List<Item> notCovered = new ArrayList<>();
        long left = Math.max(0, availableSeconds);
        long total = 0;
        for (Item item : ordered) {
            if (notCovered.isEmpty() && item.seconds() <= left) {
                offset.add(item);
                left -= item.seconds();
                total += item.seconds();
            } else {
                notCovered.add(item);
            }
        }
        return new Plan(offset, notCovered, total);
    }
}
