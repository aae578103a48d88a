package com.timebank.wfm.org;

import java.util.List;

/**
 * An agent, addressed by the employee number HR and the phone system share. An inactive (disabled) agent keeps their
 * ledger and history but is left out of new rosters.
 */
public record Agent(
        long id,
        String employeeNo,
        String name,
        long centerId,
        String centerCode,
        long teamId,
        String teamCode,
        int weeklyMinMinutes,
        int weeklyMaxMinutes,
        List<String> skills,
        boolean active) {
}
