package com.timebank.wfm.staffing;

/** Argument checks shared by the staffing formulas; messages name the parameter and the bad value. */
final class Require {

    private Require() {
    }

    static double nonNegative(String name, double value) {
        // "!(value >= 0)" also rejects NaN.
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    /** A service-level target: 0 and 1 are meaningless (nothing to staff / infinitely many agents). */
    static double openFraction(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be strictly between 0 and 1, was " + value);
        }
        return value;
    }

    /** Max occupancy: 1 means "no cap". */
    static double fractionUpToOne(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be > 0 and <= 1, was " + value);
        }
        return value;
    }

    /** Shrinkage: 0 is allowed, 1 would mean nobody ever reaches the phones. */
    static double fractionBelowOne(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be >= 0 and < 1, was " + value);
        }
        return value;
    }

    /** Traffic with an AHT: an AHT of 0 only makes sense when nothing is offered. */
    static void ahtForTraffic(double trafficErlangs, double ahtSeconds) {
        nonNegative("ahtSeconds", ahtSeconds);
        if (trafficErlangs > 0 && ahtSeconds == 0) {
            throw new IllegalArgumentException("ahtSeconds must be > 0 when there is traffic, was 0.0");
        }
    }

    static double traffic(double trafficErlangs) {
        nonNegative("trafficErlangs", trafficErlangs);
        if (trafficErlangs > ErlangC.MAX_TRAFFIC_ERLANGS) {
            throw new IllegalArgumentException("trafficErlangs must be <= " + ErlangC.MAX_TRAFFIC_ERLANGS
                    + ", was " + trafficErlangs);
        }
        return trafficErlangs;
    }
}
