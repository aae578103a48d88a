package com.timebank.wfm.roster;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.roster.solver.PlannedBreak;

/** A working agent-day of a roster's best solution; {@code pinned} days were kept from a published roster or leave. */
public record RosterAssignment(long agentId, LocalDate date, String shiftOption, LocalDateTime start, LocalDateTime end,
        int breakMinutes, List<PlannedBreak> breaks, boolean pinned) {

    public RosterAssignment {
        breaks = List.copyOf(breaks);
    }

    /** Breaks as stored: {@code KIND@offset+minutes}, comma separated, offsets in minutes from the shift start. */
    public String encodedBreaks() {
        StringBuilder s = new StringBuilder();
        for (PlannedBreak b : breaks) {
            if (!s.isEmpty()) {
                s.append(',');
            }
            long offset = java.time.Duration.between(start, b.start()).toMinutes();
            s.append(b.kind() == PlannedBreak.Kind.MEAL ? 'M' : 'S').append(offset).append('+').append(b.minutes());
        }
        return s.toString();
    }

    public static List<PlannedBreak> decodeBreaks(LocalDateTime shiftStart, String encoded) {
        List<PlannedBreak> out = new ArrayList<>();
        if (encoded == null || encoded.isBlank()) {
            return out;
        }
        for (String part : encoded.split(",")) {
            PlannedBreak.Kind kind = part.charAt(0) == 'M' ? PlannedBreak.Kind.MEAL : PlannedBreak.Kind.SHORT;
            int plus = part.indexOf('+');
            long offset = Long.parseLong(part.substring(1, plus));
            int minutes = Integer.parseInt(part.substring(plus + 1));
            out.add(new PlannedBreak(kind, shiftStart.plusMinutes(offset), minutes));
        }
        return out;
    }
}
