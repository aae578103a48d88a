package com.timebank.wfm.roster.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.CompositeMove;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Roster-specific neighbourhoods, used next to OptaPlanner's generic change move (see {@link RosterSolver}).
 * A generic swap of two random agent-days almost always pairs two different agents on two different dates,
 * which breaks both agents' weekly minutes; these factories only generate the swaps and changes that keep
 * the hard rules mostly intact, so local search spends its time on coverage and the soft goals:
 * <ul>
 * <li>{@link SameAgentWeekSwap}: swap two days of one agent within a contract week (moves a day off or a
 * shift to another day; weekly minutes unchanged).</li>
 * <li>{@link SameDateSwap}: swap the shifts of two agents on the same date (coverage unchanged; trades
 * preferences, fairness and weekly minutes between agents).</li>
 * <li>{@link StartTimeNudge}: move a shift's start by one or two grid steps, same length and queue (paid
 * minutes unchanged; the fine-tuning move for coverage).</li>
 * <li>{@link SplitOrMergeShift}: within one agent's contract week, cut a shift shorter and add a short shift on a
 * free day, or the other way round, the week's paid minutes staying within the contract (the way from four long
 * days to five shorter ones, which no single change can take without breaking the week).</li>
 * </ul>
 * Only random selection is supported (the local search default).
 */
public final class RosterMoveFactories {

    private RosterMoveFactories() {
    }

    /** Lookups over the working solution, rebuilt when the working solution instance changes. */
    static final class RosterIndex {
        final List<AgentDay> movable = new ArrayList<>();
        final Map<Agent, AgentDay[]> byAgent = new HashMap<>();
        final List<List<AgentDay>> movableByDay = new ArrayList<>();
        /** Options of the same skill and length as the key, sorted by start. */
        final Map<ShiftOption, List<ShiftOption>> sameSkillAndLength = new HashMap<>();
        final int horizonDays;

        RosterIndex(RosterSolution solution) {
            horizonDays = solution.getHorizonDays();
            for (int d = 0; d < horizonDays; d++) {
                movableByDay.add(new ArrayList<>());
            }
            for (AgentDay agentDay : solution.getAgentDays()) {
                byAgent.computeIfAbsent(agentDay.getAgent(), a -> new AgentDay[horizonDays])[agentDay.getDayIndex()] =
                        agentDay;
                if (!agentDay.isPinned()) {
                    movable.add(agentDay);
                    movableByDay.get(agentDay.getDayIndex()).add(agentDay);
                }
            }
            Map<String, List<ShiftOption>> groups = new HashMap<>();
            for (ShiftOption option : solution.getShiftOptions()) {
                groups.computeIfAbsent(option.getSkill() + "/" + option.getLengthMinutes(), k -> new ArrayList<>())
                        .add(option);
            }
            for (List<ShiftOption> group : groups.values()) {
                group.sort(Comparator.comparingInt(ShiftOption::getStartMinuteOfDay));
                List<ShiftOption> sorted = List.copyOf(group);
                sorted.forEach(option -> sameSkillAndLength.put(option, sorted));
            }
        }
    }

    /** Base: caches the index and turns {@link #nextMove} into an endless random iterator. */
    abstract static class AbstractRosterMoveFactory implements MoveIteratorFactory<RosterSolution, Move<RosterSolution>> {

        private static final int MAX_TRIES = 20;

        private RosterSolution indexedSolution;
        private RosterIndex index;

        RosterIndex index(ScoreDirector<RosterSolution> scoreDirector) {
            RosterSolution solution = scoreDirector.getWorkingSolution();
            if (solution != indexedSolution) {
                index = new RosterIndex(solution);
                indexedSolution = solution;
            }
            return index;
        }

        @Override
        public void phaseStarted(ScoreDirector<RosterSolution> scoreDirector) {
            index(scoreDirector);
        }

        @Override
        public long getSize(ScoreDirector<RosterSolution> scoreDirector) {
            return (long) index(scoreDirector).movable.size() * 7L;
        }

        @Override
        public Iterator<Move<RosterSolution>> createOriginalMoveIterator(ScoreDirector<RosterSolution> scoreDirector) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " only supports random selection.");
        }

        @Override
        public Iterator<Move<RosterSolution>> createRandomMoveIterator(ScoreDirector<RosterSolution> scoreDirector,
                Random random) {
            RosterIndex rosterIndex = index(scoreDirector);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !rosterIndex.movable.isEmpty();
                }

                @Override
                public Move<RosterSolution> next() {
                    if (rosterIndex.movable.isEmpty()) {
                        throw new NoSuchElementException();
                    }
                    for (int i = 0; i < MAX_TRIES; i++) {
                        Move<RosterSolution> move = nextMove(rosterIndex, random);
                        if (move != null) {
                            return move;
                        }
                    }
                    // Nothing sensible found (e.g. almost everything pinned): an undoable no-op the solver skips.
                    AgentDay any = rosterIndex.movable.get(random.nextInt(rosterIndex.movable.size()));
                    return new ChangeShiftMove(any, any.getShift());
                }
            };
        }

        /** A move, or null to try again. */
        abstract Move<RosterSolution> nextMove(RosterIndex index, Random random);
    }

    /** Swap two days of the same agent within the same contract week. */
    public static final class SameAgentWeekSwap extends AbstractRosterMoveFactory {
        @Override
        Move<RosterSolution> nextMove(RosterIndex index, Random random) {
            AgentDay left = index.movable.get(random.nextInt(index.movable.size()));
            AgentDay[] days = index.byAgent.get(left.getAgent());
            ContractWeeks weeks = left.getDay().getContractWeeks();
            int weekStart = weeks.firstDay(left.getWeekIndex());
            int weekEnd = weeks.lastDay(left.getWeekIndex()) + 1;
            if (weekEnd - weekStart < 2) {
                return null;
            }
            AgentDay right = days[weekStart + random.nextInt(weekEnd - weekStart)];
            if (right == null || right == left || right.isPinned() || right.getShift() == left.getShift()) {
                return null;
            }
            return new SwapShiftsMove(left, right);
        }
    }

    /** Swap the shifts of two agents on the same date. */
    public static final class SameDateSwap extends AbstractRosterMoveFactory {
        @Override
        Move<RosterSolution> nextMove(RosterIndex index, Random random) {
            AgentDay left = index.movable.get(random.nextInt(index.movable.size()));
            List<AgentDay> sameDay = index.movableByDay.get(left.getDayIndex());
            AgentDay right = sameDay.get(random.nextInt(sameDay.size()));
            ShiftOption leftShift = left.getShift();
            ShiftOption rightShift = right.getShift();
            if (right == left || leftShift == rightShift
                    || (rightShift != null && !left.getAgent().isEligibleFor(rightShift))
                    || (leftShift != null && !right.getAgent().isEligibleFor(leftShift))) {
                return null;
            }
            return new SwapShiftsMove(left, right);
        }
    }

    /** Move a working day's start one or two grid steps earlier or later (same queue and length). */
    public static final class StartTimeNudge extends AbstractRosterMoveFactory {
        @Override
        Move<RosterSolution> nextMove(RosterIndex index, Random random) {
            AgentDay agentDay = index.movable.get(random.nextInt(index.movable.size()));
            ShiftOption shift = agentDay.getShift();
            if (shift == null) {
                return null;
            }
            List<ShiftOption> siblings = index.sameSkillAndLength.get(shift);
            if (siblings == null || siblings.size() < 2) {
                return null;
            }
            int position = siblings.indexOf(shift);
            int step = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(2));
            int target = position + step;
            if (target < 0 || target >= siblings.size()) {
                return null;
            }
            return new ChangeShiftMove(agentDay, siblings.get(target));
        }
    }

    /**
     * Split: a working day gets a shorter shift starting or ending within an hour of the old one, and a free day of
     * the same contract week a shift; merge: a working day gets a longer shift and another working day of the week
     * is off. Only pairs that keep the week's paid (and credited) minutes within the contract's minimum and maximum
     * are made, so the number of working days changes while the week stays feasible.
     */
    public static final class SplitOrMergeShift extends AbstractRosterMoveFactory {

        private static final int NEAR_MINUTES = 60;

        @Override
        Move<RosterSolution> nextMove(RosterIndex index, Random random) {
            AgentDay a = index.movable.get(random.nextInt(index.movable.size()));
            ShiftOption old = a.getShift();
            if (old == null) {
                return null;
            }
            Agent agent = a.getAgent();
            AgentDay[] days = index.byAgent.get(agent);
            ContractWeeks weeks = a.getDay().getContractWeeks();
            int week = a.getWeekIndex();
            int first = weeks.firstDay(week);
            int last = weeks.lastDay(week);
            AgentDay b = days[first + random.nextInt(last - first + 1)];
            if (b == null || b == a || b.isPinned()) {
                return null;
            }
            int total = 0;
            for (int d = first; d <= last; d++) {
                if (days[d] != null) {
                    total += days[d].getCreditedMinutes() + (days[d].getShift() == null ? 0 : days[d].getShift().getPaidMinutes());
                }
            }
            int daysInWeek = last - first + 1;
            int min = agent.isMinimumWaived(week) ? Integer.MIN_VALUE : agent.minWeeklyMinutesIn(week, daysInWeek);
            int max = agent.isMaximumWaived(week) ? Integer.MAX_VALUE : agent.maxWeeklyMinutesIn(week, daysInWeek);
            List<ShiftOption> options = agent.getEligibleShiftOptions();
            if (options.isEmpty()) {
                return null;
            }
            int rest = total - old.getPaidMinutes();
            if (b.getShift() == null) {
                ShiftOption shorter = pick(options, random, o -> o.getPaidMinutes() < old.getPaidMinutes() && near(o, old));
                if (shorter == null) {
                    return null;
                }
                int before = rest + shorter.getPaidMinutes();
                ShiftOption added = pick(options, random,
                        o -> before + o.getPaidMinutes() >= min && before + o.getPaidMinutes() <= max);
                return added == null ? null
                        : CompositeMove.buildMove(new ChangeShiftMove(a, shorter), new ChangeShiftMove(b, added));
            }
            int without = rest - b.getShift().getPaidMinutes();
            ShiftOption longer = pick(options, random, o -> o.getPaidMinutes() > old.getPaidMinutes() && near(o, old)
                    && without + o.getPaidMinutes() >= min && without + o.getPaidMinutes() <= max);
            return longer == null ? null
                    : CompositeMove.buildMove(new ChangeShiftMove(a, longer), new ChangeShiftMove(b, null));
        }

        /** A random option that passes the test, or null (reservoir sampling: one pass, no list). */
        private static ShiftOption pick(List<ShiftOption> options, Random random,
                java.util.function.Predicate<ShiftOption> test) {
            ShiftOption chosen = null;
            int seen = 0;
            for (ShiftOption o : options) {
                if (test.test(o) && random.nextInt(++seen) == 0) {
                    chosen = o;
                }
            }
            return chosen;
        }

        private static boolean near(ShiftOption one, ShiftOption other) {
            return one.getSkill().equals(other.getSkill())
                    && (Math.abs(one.getStartMinuteOfDay() - other.getStartMinuteOfDay()) <= NEAR_MINUTES
                            || Math.abs(one.getEndMinuteOfDay() - other.getEndMinuteOfDay()) <= NEAR_MINUTES);
        }
    }
}
