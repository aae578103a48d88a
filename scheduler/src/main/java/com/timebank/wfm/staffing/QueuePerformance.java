package com.timebank.wfm.staffing;

/**
 * Steady-state performance of one queue with a given number of agents on the phones.
 *
 * @param agents                  agents on the phones
 * @param serviceLevel            share of offered contacts answered within the service-level time
 * @param probabilityOfWaiting    share of contacts that find every agent busy
 * @param probabilityOfAbandoning share of contacts that hang up before an answer (always 0 in Erlang C)
 * @param asaSeconds              average speed of answer over answered contacts, immediate answers included;
 *                                infinite when the queue is unstable or nobody is answered
 * @param occupancy               share of agents' time spent handling contacts
 */
public record QueuePerformance(
        int agents,
        double serviceLevel,
        double probabilityOfWaiting,
        double probabilityOfAbandoning,
        double asaSeconds,
        double occupancy) {

    /** No traffic: every (non-existent) contact is answered at once. */
    static QueuePerformance idle(int agents) {
        return new QueuePerformance(agents, 1, 0, 0, 0, 0);
    }
}
