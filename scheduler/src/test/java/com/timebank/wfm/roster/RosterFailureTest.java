package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.IcuMessageSource;

/**
 * A roster that fails keeps why as a message code, rendered in the reader's language; the exception (English, from
 * the solver or the database) stays in the log.
 */
class RosterFailureTest {

    private static RosterRun solving(long id, String error) {
        LocalDate from = LocalDate.of(2026, 3, 16);
        return new RosterRun(id, 7, 3, null, from, from.plusDays(6), 60, RosterStatus.SOLVING, RosterRun.ALL_QUEUES,
                new BigDecimal("0.80"), 20, new BigDecimal("0.30"), Set.of(), Set.of(), null, null, 0, error, "planner",
                null, null, null, null);
    }

    @Test
    void aRosterThatCannotBeResumedFailsWithACodeNotTheExceptionsText() {
        RosterRepository repository = mock(RosterRepository.class);
        when(repository.withStatus(RosterStatus.SOLVING)).thenReturn(List.of(solving(5, null)));
        when(repository.claim(eq(5L), anyString(), any(), any())).thenReturn(true);
        when(repository.assignments(5)).thenThrow(new IllegalStateException("Connection reset"));
        RosterSolving solving = new RosterSolving(repository, mock(RosterPlanning.class), null, null,
                Clock.fixed(Instant.parse("2026-03-10T04:00:00Z"), ZoneOffset.UTC), "test-instance");

        assertThat(solving.resumeInterrupted()).isEmpty();
        verify(repository).setStatus(eq(5L), eq(List.of(RosterStatus.SOLVING)), eq(RosterStatus.FAILED),
                eq("roster.failed.resume"), any());
        verify(repository).release(anyLong(), eq("test-instance"));
    }

    @Test
    void whyARosterFailedIsShownInTheReadersLanguage() {
        IcuMessageSource messages = new IcuMessageSource();
        messages.setBasenames(IcuMessageSource.SERVICE_MESSAGES);
        assertThat(messages.getMessage(solving(5, RosterRun.FAILED_SAVE).failure(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("最优解无法保存（详情见服务日志）；请重新开始排班");
        assertThat(solving(5, RosterRun.FAILED_SOLVER).failure().english())
                .isEqualTo("the solver stopped on an error (the service log has its details); start the roster again");
        // stored before the codes: shown as it was written
        assertThat(solving(5, "Could not resume: timeout").failure().english()).isEqualTo("Could not resume: timeout");
        assertThat(solving(5, null).failure()).isNull();
    }
}
