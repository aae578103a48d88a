package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A lower bound on the coverage objective of any roster of a problem: the LP relaxation of the covering problem
 * (ojAlgo, benchmark scope only).
 * <p>
 * Objective: shortfall plus overstaffing in agent-intervals, {@code Σ_t |required_t − scheduled_t|} over every queue
 * and interval, exactly what {@link CoverageReport} measures (whole shift spans). Agents with the same eligible
 * shift templates form a group; variables {@code x[g][d][o] ≥ 0} count the group's agents working template
 * {@code o} on day {@code d}. Constraints, each the sum over the group of a per-agent rule (so every roster is
 * feasible for the LP and the LP optimum is a valid lower bound):
 * <ul>
 * <li>per day: at most the group's agents not kept off that day (leave, pinned days off);</li>
 * <li>per contract week: paid minutes within Σ max(0, min − credited) and Σ max(0, max − credited), pro-rated
 * for a partial last week like the hard constraints;</li>
 * <li>per window of (max consecutive + 1) days: at most max consecutive shifts per agent (when the group shares
 * the limit);</li>
 * <li>per queue and interval: covered + shortfall − overstaffing = required.</li>
 * </ul>
 * Relaxed away: integrality, minimum rest, declared partial-day unavailability and every soft preference, which
 * only lowers the bound.
 */
public final class CoveringLowerBound {

    public record Result(double bound, long totalRequired, int variables, int constraints, long millis, String state) {
    }

    private CoveringLowerBound() {
    }

    public static Result of(RosterSolution problem) {
        long t0 = System.nanoTime();
        CoverageGrid grid = problem.getCoverageGrid();
        int days = problem.getHorizonDays();
        Map<List<ShiftOption>, List<Agent>> groups = new LinkedHashMap<>();
        problem.getAgents().forEach(a -> groups.computeIfAbsent(a.getEligibleShiftOptions(), k -> new ArrayList<>()).add(a));
        Map<String, AgentDay[]> daysOf = new HashMap<>();
        for (AgentDay d : problem.getAgentDays()) {
            daysOf.computeIfAbsent(d.getAgent().getEmployeeNo(), k -> new AgentDay[days])[d.getDayIndex()] = d;
        }
        Map<String, int[]> fixed = new HashMap<>();
        grid.getSkills().forEach(s -> fixed.put(s, new int[grid.slotsOf(s).length]));

        ExpressionsBasedModel model = new ExpressionsBasedModel();
        // coverage rows: created lazily per queue and slot, filled by the x variables
        Map<String, Expression[]> cover = new HashMap<>();
        grid.getSkills().forEach(s -> cover.put(s, new Expression[grid.slotsOf(s).length]));
        int weeks = (days + 6) / 7;
        int variables = 0;
        int constraints = 0;
        int g = 0;
        for (Map.Entry<List<ShiftOption>, List<Agent>> group : groups.entrySet()) {
            List<ShiftOption> options = group.getKey();
            List<Agent> agents = group.getValue();
            int[] available = new int[days];
            long[] minPaid = new long[weeks];
            long[] maxPaid = new long[weeks];
            for (Agent a : agents) {
                AgentDay[] ad = daysOf.get(a.getEmployeeNo());
                int[] credited = new int[weeks];
                for (int d = 0; d < days; d++) {
                    credited[d / 7] += ad[d].getCreditedMinutes();
                    if (ad[d].isPinned()) {
                        if (ad[d].getShift() != null) {
                            credited[d / 7] += ad[d].getShift().getPaidMinutes();
                            for (SlotCoverage c : grid.coverageOf(d, ad[d].getShift())) {
                                fixed.get(c.slot().getSkill())[c.slot().getIndex()]++;
                            }
                        }
                    } else {
                        available[d]++;
                    }
                }
                for (int w = 0; w < weeks; w++) {
                    int daysInWeek = Math.min(7, days - w * 7);
                    minPaid[w] += Math.max(0, a.minWeeklyMinutesFor(daysInWeek) - credited[w]);
                    maxPaid[w] += Math.max(0, a.maxWeeklyMinutesFor(daysInWeek) - credited[w]);
                }
            }
            Variable[][] x = new Variable[days][options.size()];
            for (int d = 0; d < days; d++) {
                Expression perDay = model.addExpression("day" + g + "_" + d).upper(available[d]);
                constraints++;
                for (int o = 0; o < options.size(); o++) {
                    x[d][o] = model.addVariable("x" + g + "_" + d + "_" + o).lower(0);
                    variables++;
                    perDay.set(x[d][o], 1);
                    for (SlotCoverage c : grid.coverageOf(d, options.get(o))) {
                        Expression[] rows = cover.get(c.slot().getSkill());
                        int i = c.slot().getIndex();
                        if (rows[i] == null) {
                            rows[i] = model.addExpression("cover_" + c.slot().getId());
                            constraints++;
                        }
                        rows[i].set(x[d][o], 1);
                    }
                }
            }
            for (int w = 0; w < weeks; w++) {
                Expression week = model.addExpression("week" + g + "_" + w).lower(minPaid[w]).upper(maxPaid[w]);
                constraints++;
                for (int d = w * 7; d < Math.min(days, w * 7 + 7); d++) {
                    for (int o = 0; o < options.size(); o++) {
                        week.set(x[d][o], options.get(o).getPaidMinutes());
                    }
                }
            }
            int maxRun = agents.get(0).getMaxConsecutiveWorkingDays();
            if (agents.stream().allMatch(a -> a.getMaxConsecutiveWorkingDays() == maxRun) && maxRun < days) {
                for (int start = 0; start + maxRun < days; start++) {
                    Expression window = model.addExpression("run" + g + "_" + start).upper((long) maxRun * agents.size());
                    constraints++;
                    for (int d = start; d <= start + maxRun; d++) {
                        for (int o = 0; o < options.size(); o++) {
                            window.set(x[d][o], 1);
                        }
                    }
                }
            }
            g++;
        }
        double constant = 0;
        long totalRequired = 0;
        for (String skill : grid.getSkills()) {
            RequirementSlot[] slots = grid.slotsOf(skill);
            Expression[] rows = cover.get(skill);
            for (int i = 0; i < slots.length; i++) {
                int rhs = slots[i].getRequired() - fixed.get(skill)[i];
                totalRequired += slots[i].getRequired();
                if (rows[i] == null) {
                    constant += Math.abs(rhs);
                    continue;
                }
                Variable shortfall = model.addVariable("s_" + slots[i].getId()).lower(0).weight(1);
                Variable over = model.addVariable("e_" + slots[i].getId()).lower(0).weight(1);
                variables += 2;
                rows[i].set(shortfall, 1).set(over, -1).level(rhs);
            }
        }
        Optimisation.Result result = model.minimise();
        return new Result(result.getValue() + constant, totalRequired, variables, constraints,
                (System.nanoTime() - t0) / 1_000_000, result.getState().toString());
    }
}
