package com.timebank.wfm.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.BusinessRuleException;

/** A corrected settlement never deletes overdraft leave that month close has offset with a posted debit. */
class OverdraftLeaveRemovalTest {

    private final LeaveRepository repository = mock(LeaveRepository.class);
    private final LeaveService service = new LeaveService(repository, null, null, null, null, null, null);

    @Test
    void leaveWhoseOffsetIsPostedIsRefusedAndKept() {
        LocalDate date = LocalDate.of(2026, 6, 8);
        when(repository.overdraftOffsetPosted(7L, date)).thenReturn(true);

        assertThatThrownBy(() -> service.removeOverdraftLeave(7L, date))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).reason().code())
                        .isEqualTo("leave.overdraft.offset-posted"));
        verify(repository, never()).deleteOverdraftLeave(anyLong(), any());
    }
}
