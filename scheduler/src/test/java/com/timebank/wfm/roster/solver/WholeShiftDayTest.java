package com.timebank.wfm.roster.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A day's least cost with its coverage made of whole shifts, against every count of shifts there is: small days of
 * 6 intervals and 3–4 shapes with breaks (half an interval on the phone), caps per shape and a cap per day, random
 * requirements, weights and multipliers.
 */
class WholeShiftDayTest {

    @BeforeAll
    static void nativeLibraries() {
        assertThat(CoverageBound.solverLoaded()).isTrue();
    }

    @Test
    void theLeastCostIsTheBestOfEveryCountOfShifts() {
        Random random = new Random(5);
        int lattice = 15;
        for (int round = 0; round < 40; round++) {
            int intervals = 6;
            int[] rows = new int[intervals];
            double[] rhs = new double[intervals];
            double[] over = new double[intervals];
            double[] pi = new double[intervals];
            double shortfallCost = 100.0 / 900 * (1 + random.nextInt(3));
            double overstaffing = round % 4 == 0 ? Double.NaN : (1 + random.nextInt(20)) / 3.0;
            for (int k = 0; k < intervals; k++) {
                rows[k] = k;
                rhs[k] = lattice * (random.nextInt(14) - 1) + random.nextInt(lattice);
                over[k] = overstaffing;
                pi[k] = (Double.isNaN(overstaffing) ? 0 : -overstaffing) + random.nextDouble() * 8;
            }
            List<WholeShiftDay.Shape> shapes = new ArrayList<>();
            int count = 3 + random.nextInt(2);
            for (int s = 0; s < count; s++) {
                int start = random.nextInt(3);
                int length = 3 + random.nextInt(intervals - start - 2);
                int[] shapeRows = new int[length];
                int[] minutes = new int[length];
                for (int i = 0; i < length; i++) {
                    shapeRows[i] = start + i;
                    // a break in the middle of longer shapes: half or none of that interval on the phone
                    minutes[i] = length >= 4 && i == length / 2 ? 15 * random.nextInt(2) : 30;
                }
                shapes.add(new WholeShiftDay.Shape(0, shapeRows, minutes, 1 + random.nextInt(4)));
            }
            int open = 2 + random.nextInt(6);

            WholeShiftDay.Outcome least = WholeShiftDay.least(new WholeShiftDay.Block(rows, rhs, over, pi, lattice,
                    shortfallCost, shapes, Map.of(0, open), List.of()), 10_000);

            double best = bruteForce(shapes, new int[count], 0, open, rhs, over, pi, shortfallCost);
            assertThat(least.exact()).isTrue();
            assertThat(least.value()).as("round %d", round).isCloseTo(best, within(1e-4 * (1 + Math.abs(best))))
                    .isLessThanOrEqualTo(best);
            double minima = 0;
            for (int k = 0; k < intervals; k++) {
                double c = LagrangianBound.bestCoverage(rhs[k], pi[k], lattice, shortfallCost, 0, over[k]);
                minima += LagrangianBound.intervalCost(rhs[k], c, pi[k], shortfallCost, 0, over[k]);
            }
            assertThat(best).isGreaterThanOrEqualTo(minima - 1e-9);
        }
    }

    /**
     * Two queues a day (rows 0–3 and 4–7) whose shapes share no row, worked by agents of one queue, of the other or
     * of both: solved apart with the day's limit priced, the least is never above the best count of shifts the agents
     * can work, and equal to it where it says it is exact.
     */
    @Test
    void twoQueuesApartNeverCostMoreThanTheBestCountOfShifts() {
        Random random = new Random(11);
        int lattice = 15;
        int exactRounds = 0;
        for (int round = 0; round < 40; round++) {
            int intervals = 8;
            int[] rows = new int[intervals];
            double[] rhs = new double[intervals];
            double[] over = new double[intervals];
            double[] pi = new double[intervals];
            double shortfallCost = 100.0 / 900 * (1 + random.nextInt(3));
            for (int k = 0; k < intervals; k++) {
                rows[k] = k;
                rhs[k] = lattice * random.nextInt(10) + random.nextInt(lattice);
                over[k] = (1 + random.nextInt(20)) / 3.0;
                pi[k] = -over[k] + random.nextDouble() * 8;
            }
            int[] agents = {1 + random.nextInt(3), 1 + random.nextInt(3), random.nextInt(3)};
            List<WholeShiftDay.Shape> shapes = new ArrayList<>();
            List<Integer> queueOf = new ArrayList<>();
            for (int queue = 0; queue < 2; queue++) {
                for (int start = 0; start < 2; start++) {
                    int[] shapeRows = {4 * queue + start, 4 * queue + start + 1, 4 * queue + start + 2};
                    int[] minutes = {30, 15 * random.nextInt(3), 30};
                    shapes.add(new WholeShiftDay.Shape(0, shapeRows, minutes, agents[queue] + agents[2]));
                    queueOf.add(queue);
                }
            }
            List<WholeShiftDay.Kind> kinds = List.of(new WholeShiftDay.Kind(0, agents[0], new int[] {0, 1}),
                    new WholeShiftDay.Kind(0, agents[1], new int[] {2, 3}),
                    new WholeShiftDay.Kind(0, agents[2], new int[] {0, 1, 2, 3}));
            int open = agents[0] + agents[1] + agents[2];

            WholeShiftDay.Outcome least = WholeShiftDay.least(new WholeShiftDay.Block(rows, rhs, over, pi, lattice,
                    shortfallCost, shapes, Map.of(0, open), kinds), 10_000);

            double best = bestOfTwoQueues(shapes, queueOf, new int[shapes.size()], 0, agents, rhs, over, pi,
                    shortfallCost);
            assertThat(least.value()).as("round %d", round).isLessThanOrEqualTo(best + 1e-6 * (1 + Math.abs(best)));
            if (least.exact()) {
                // each part proven optimal within SCIP's relative gap (1e-4) of its own cost's size
                double size = 0;
                for (int k = 0; k < intervals; k++) {
                    size += LagrangianBound.intervalCost(rhs[k], 0, 0, shortfallCost, 0, over[k]);
                }
                exactRounds++;
                assertThat(least.value()).as("round %d", round)
                        .isCloseTo(best, within(1e-4 * (1 + Math.abs(best) + size)));
            }
        }
        assertThat(exactRounds).isGreaterThan(10);
    }

    /** The best counts of shifts that the agents of each queue and of both can work (Hall: each queue, and all). */
    private static double bestOfTwoQueues(List<WholeShiftDay.Shape> shapes, List<Integer> queueOf, int[] counts, int s,
            int[] agents, double[] rhs, double[] over, double[] pi, double shortfallCost) {
        if (s == shapes.size()) {
            int[] perQueue = new int[2];
            for (int i = 0; i < counts.length; i++) {
                perQueue[queueOf.get(i)] += counts[i];
            }
            if (perQueue[0] > agents[0] + agents[2] || perQueue[1] > agents[1] + agents[2]
                    || perQueue[0] + perQueue[1] > agents[0] + agents[1] + agents[2]) {
                return Double.POSITIVE_INFINITY;
            }
            return costOf(shapes, counts, rhs, over, pi, shortfallCost);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int n = 0; n <= shapes.get(s).cap(); n++) {
            counts[s] = n;
            best = Math.min(best, bestOfTwoQueues(shapes, queueOf, counts, s + 1, agents, rhs, over, pi,
                    shortfallCost));
        }
        counts[s] = 0;
        return best;
    }

    private static double bruteForce(List<WholeShiftDay.Shape> shapes, int[] counts, int s, int open, double[] rhs,
            double[] over, double[] pi, double shortfallCost) {
        if (s == shapes.size()) {
            return costOf(shapes, counts, rhs, over, pi, shortfallCost);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int n = 0; n <= Math.min(shapes.get(s).cap(), open); n++) {
            counts[s] = n;
            best = Math.min(best, bruteForce(shapes, counts, s + 1, open - n, rhs, over, pi, shortfallCost));
        }
        counts[s] = 0;
        return best;
    }

    /** Σ f(c) + π·c of the coverage these counts of shapes give. */
    private static double costOf(List<WholeShiftDay.Shape> shapes, int[] counts, double[] rhs, double[] over,
            double[] pi, double shortfallCost) {
        double[] c = new double[rhs.length];
        for (int i = 0; i < shapes.size(); i++) {
            WholeShiftDay.Shape shape = shapes.get(i);
            for (int j = 0; j < shape.rows().length; j++) {
                c[shape.rows()[j]] += counts[i] * shape.minutes()[j];
            }
        }
        double cost = 0;
        for (int k = 0; k < rhs.length; k++) {
            cost += LagrangianBound.intervalCost(rhs[k], c[k], pi[k], shortfallCost, 0, over[k]);
        }
        return cost;
    }
}
