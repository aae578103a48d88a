package com.timebank.wfm.users;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

class FirstAdminTest {

    @Test
    void aGeneratedPasswordMustBeChangedAtTheFirstSignIn() throws Exception {
        UserService users = mock(UserService.class);
        when(users.count()).thenReturn(0);
        new FirstAdmin(users, "").run(null);
        verify(users).createUser(argThat(u -> u.username().equals("admin") && u.password().length() == 16),
                eq("system"), eq(true));
    }

    @Test
    void thePasswordTheOperatorGaveNeedNotBeChanged() throws Exception {
        UserService users = mock(UserService.class);
        when(users.count()).thenReturn(0);
        new FirstAdmin(users, "chosen-by-operator").run(null);
        verify(users).createUser(argThat(u -> u.password().equals("chosen-by-operator")), eq("system"), eq(false));
    }

    @Test
    void nothingIsCreatedWhenUsersExist() throws Exception {
        UserService users = mock(UserService.class);
        when(users.count()).thenReturn(3);
        new FirstAdmin(users, "").run(null);
        verify(users, never()).createUser(any(), any(), eq(true));
        verify(users, never()).createUser(any(), any(), eq(false));
    }
}
