package com.timebank.wfm.org;

import java.util.ArrayList;
import java.util.List;

/** The fields of an agent that differ between two states, as the audit trail records them ("team: A → B"). */
final class AgentDifference {

    private AgentDifference() {
    }

    static String of(Agent before, Agent after) {
        List<String> changes = new ArrayList<>();
        add(changes, "name", before.name(), after.name());
        add(changes, "team", before.teamCode(), after.teamCode());
        add(changes, "weeklyMinMinutes", before.weeklyMinMinutes(), after.weeklyMinMinutes());
        add(changes, "weeklyMaxMinutes", before.weeklyMaxMinutes(), after.weeklyMaxMinutes());
        add(changes, "skills", before.skills(), after.skills());
        return String.join("; ", changes);
    }

    private static void add(List<String> changes, String field, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }
}
