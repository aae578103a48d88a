package com.timebank.wfm.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an audit event records, stored as its {@link #code()} (admins search the audit page by it). The page names
 * each in the reader's language ({@code admin.audit.action.<name>}, checked for every constant by
 * {@code AuditActionsTest}).
 */
public enum AuditAction {

    // organisation
    CENTER_CREATED, CENTER_RENAMED, TEAM_CREATED, TEAM_RENAMED, SETTINGS_CHANGED,
    AGENT_CREATED, AGENT_CHANGED, AGENT_CONTRACT_CHANGED, AGENT_ENABLED, AGENT_DISABLED,
    // users and sign-in
    USER_CREATED, USER_CHANGED, USER_ENABLED, USER_DISABLED, PASSWORD_RESET, PASSWORD_CHANGED,
    SIGN_IN_SUCCEEDED, SIGN_IN_FAILED, SIGN_IN_THROTTLED,
    // planning
    HISTORY_IMPORTED, CALENDAR_CHANGED, FORECAST_CREATED, FORECAST_ADJUSTED,
    SHIFT_TEMPLATES_CHANGED, SHIFT_TEMPLATES_RESET,
    ROSTER_STARTED, ROSTER_RESOLVE_STARTED, ROSTER_STOPPED, ROSTER_CONTINUED, ROSTER_PUBLISHED,
    SHIFTS_IMPORTED, SHIFTS_REMOVED,
    // availability
    AVAILABILITY_CHANGED, UNAVAILABILITY_ADDED, UNAVAILABILITY_REMOVED, PREFERENCES_CHANGED,
    // time off and leave
    TIME_OFF_REQUESTED, TIME_OFF_APPROVED, TIME_OFF_REJECTED, TIME_OFF_CANCELLED, TIME_OFF_REVOKED,
    TIME_OFF_WAITLISTED, TIME_OFF_OFFERED, TIME_OFF_POSTED, TIME_OFF_EXPIRED,
    LEAVE_RECORDED, LEAVE_IMPORTED, LEAVE_OFFSETS_CHOSEN, MONTH_CLOSED,
    /** Stored as {@code leave.migrate}, the code its events have always had. */
    LEAVE_MIGRATED("leave.migrate"),
    // time bank
    ACTIVITY_IMPORTED, TIME_BONUS_GRANTED, LEDGER_ENTRY_REVERSED, BALANCE_PAID_OUT, BALANCE_TRANSFERRED,
    EMERGENCY_ACTIVATED, EMERGENCY_PARTICIPANTS;

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

    private final String code;

    AuditAction() {
        this.code = name();
    }

    AuditAction(String code) {
        this.code = code;
    }

    /** As stored in {@code audit_event.action}. */
    public String code() {
        return code;
    }

    /** The action of a stored code; empty for a code no action has (any more). */
    public static Optional<AuditAction> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
