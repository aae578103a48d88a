package com.timebank.wfm.org;

import java.util.ArrayList;
import java.util.List;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.audit.AuditDetail;

/**
 * The fields of an agent that differ between two states, as the audit trail records them ("team: A → B"): one
 * message per field, the contract's minutes as durations.
 */
final class AgentDifference {

    private AgentDifference() {
    }

    static List<Message> of(Agent before, Agent after) {
        List<Message> changes = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changes.add(Message.of("audit.change.name", before.name(), after.name()));
        }
        if (!before.teamCode().equals(after.teamCode())) {
            changes.add(Message.of("audit.change.team", before.teamCode(), after.teamCode()));
        }
        if (before.weeklyMinMinutes() != after.weeklyMinMinutes()) {
            changes.add(Message.of("audit.change.weekly-min", Message.duration(before.weeklyMinMinutes() * 60L),
                    Message.duration(after.weeklyMinMinutes() * 60L)));
        }
        if (before.weeklyMaxMinutes() != after.weeklyMaxMinutes()) {
            changes.add(Message.of("audit.change.weekly-max", Message.duration(before.weeklyMaxMinutes() * 60L),
                    Message.duration(after.weeklyMaxMinutes() * 60L)));
        }
        if (!before.skills().equals(after.skills())) {
            changes.add(Message.of("audit.change.skills", AuditDetail.list(before.skills()),
                    AuditDetail.list(after.skills())));
        }
        return changes;
    }
}
