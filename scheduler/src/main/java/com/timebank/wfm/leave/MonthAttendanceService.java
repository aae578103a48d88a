package com.timebank.wfm.leave;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leave and attendance of a center's month for reports (reports.md, service 5): overdraft leave created in the
 * month, what was chosen and what month close offset, what is left as personal leave, and full attendance once
 * the month is closed. System use: the caller applies the user's scope to the agents it asks for.
 */
@Service
public class MonthAttendanceService {

    private final LeaveRepository repository;
    private final LeaveCalendar calendar;

    MonthAttendanceService(LeaveRepository repository, LeaveCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
    }

    /**
     * One agent's month, in seconds. {@code offset} is what month close posted ({@code chosen} what the agent has
     * chosen so far, eligible items only); {@code left} stays personal leave. {@code fullAttendance} is null while
     * the month is open; {@code provisional} says whether it would be full if the chosen offsets are all posted.
     */
    public record AgentMonth(long agentId, int leaveItems, long leaveSeconds, int overdraftItems,
            long overdraftSeconds, long overdraftOffsetSeconds, long chosenSeconds, long offsetSeconds,
            long leftSeconds, Boolean fullAttendance, boolean provisional) {
    }

    public record CenterMonth(YearMonth month, boolean closed, Map<Long, AgentMonth> agents) {
    }

    @Transactional(readOnly = true)
    public CenterMonth month(long centerId, YearMonth month, Collection<Long> agentIds) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        boolean closed = repository.monthClosed(centerId, first);
        Map<Long, Attendance> written = closed ? repository.attendanceOfCenter(centerId, first) : Map.of();
        Map<Long, java.util.List<LeaveRecord>> leaveOf = new HashMap<>();
        Map<Long, Long> offsets = new HashMap<>();
        List<Long> ids = List.copyOf(agentIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            repository.ofAgents(chunk, first, last)
                    .forEach(r -> leaveOf.computeIfAbsent(r.agentId(), k -> new java.util.ArrayList<>()).add(r));
            java.util.Map<Long, Long> chunkOffsets = repository.offsets(chunk, first);
            offsets.putAll(chunkOffsets);
        }
        Map<LocalDate, Boolean> busy = leaveOf.isEmpty() ? Map.of() : calendar.busyDays(centerId, first, last);
        Map<Long, AgentMonth> out = new HashMap<>();
        for (long agentId : ids) {
            List<LeaveRecord> records = leaveOf.getOrDefault(agentId, List.of());
            long leave = 0;
            long overdraft = 0;
            long overdraftOffset = 0;
            long chosen = 0;
            long posted = 0;
            int overdraftItems = 0;
            for (LeaveRecord r : records) {
                leave += r.seconds();
                boolean isOverdraft = r.source() == LeaveSource.OVERDRAFT;
                if (isOverdraft) {
                    overdraft += r.seconds();
                    overdraftItems++;
                }
                if (offsets.containsKey(r.id()) && LeaveEligibility.eligible(r.source(),
                        Boolean.TRUE.equals(busy.get(r.date())))) {
                    chosen += r.seconds();
                }
                if (offsets.get(r.id()) != null) {
                    posted += r.seconds();
                    if (isOverdraft) {
                        overdraftOffset += r.seconds();
                    }
                }
            }
            Attendance a = written.get(agentId);
            Boolean full = !closed ? null : a != null ? a.fullAttendance() : posted >= leave;
            out.put(agentId, new AgentMonth(agentId, records.size(), leave, overdraftItems, overdraft, overdraftOffset,
                    chosen, posted, leave - posted, full, closed ? Boolean.TRUE.equals(full) : chosen >= leave));
        }
        return new CenterMonth(month, closed, out);
    }

    private static final int CHUNK = 2_000;
}
