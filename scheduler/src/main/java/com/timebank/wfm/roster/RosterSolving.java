package com.timebank.wfm.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.timebank.wfm.WfmProperties;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.roster.solver.BoundTurns;
import com.timebank.wfm.roster.solver.CoverageBound;
import com.timebank.wfm.roster.solver.RosterSolution;
import com.timebank.wfm.roster.solver.SolveDeadline;
import com.timebank.wfm.roster.solver.ShiftMix;

import jakarta.annotation.PreDestroy;

/**
 * The background solves of this instance: OptaPlanner's {@link SolverManager} solves, this class persists.
 * <ul>
 * <li>Every new best solution is recorded in the score timeline (at most every {@link #POINT_MILLIS} ms) and, at
 * most every {@link #SAVE_MILLIS} ms, saved with its breaks, score and solving time so far.</li>
 * <li>Clustered: the instance solving a roster owns it in the database and signs every {@link #SAVE_MILLIS} ms
 * (rules in {@link SolveClaim}); a roster is resumed only by the instance whose conditional UPDATE claims it, so two
 * instances never both resume it. An owner that finds its roster taken over stops without writing.</li>
 * <li>Every live instance looks for orphaned rosters at start-up and then every
 * {@code wfm.roster.orphan-check-seconds} (10 s), so a roster whose owner died, or restarted under a new identity,
 * is taken over within about 40 s.</li>
 * <li>A restart loses nothing: every roster left SOLVING is <b>resumed</b> from its last saved best solution (warm
 * start, the construction phase skipped) for the rest of its solve time. On shutdown a running solve saves its best
 * solution and stays SOLVING, unowned, for that reason.</li>
 * <li>At solve start the coverage bound ({@link CoverageBound}) is computed on its own thread next to the solve, so
 * it never delays the first roster; over {@code wfm.roster.coverage-bound-limit} (60 s) or on failure it is
 * recorded as not available. Each saved best solution stores its coverage objective next to it.</li>
 * </ul>
 */
@Component
class RosterSolving {

    static final long SAVE_MILLIS = 2_000;
    static final long POINT_MILLIS = 200;
    private static final Logger log = LoggerFactory.getLogger(RosterSolving.class);

    private final RosterRepository repository;
    private final RosterPlanning planning;
    private final SolverManager<RosterSolution, Long> solverManager;
    private final Transactions transactions;
    private final Clock clock;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "roster-solve-timer");
        t.setDaemon(true);
        return t;
    });
    /** One LP at a time: it runs next to the solves and must not take more than one core from them. */
    private final ExecutorService bounds = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-coverage-bound");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private Duration coverageBoundLimit = Duration.ofSeconds(60);
    /** A bound being raised on the bound thread ends when another roster's LP is queued or the service closes. */
    private final BoundTurns turns = new BoundTurns();

    private volatile boolean shuttingDown;
    /** This instance, as the owner of the rosters it solves (a restart is a new instance). */
    final String instanceId;

    /** Seconds between two looks for orphaned rosters (0: only at start-up). */
    private long orphanCheckSeconds;

    @Autowired
    RosterSolving(RosterRepository repository, RosterPlanning planning,
            SolverManager<RosterSolution, Long> solverManager, Transactions transactions, Clock clock,
            WfmProperties wfm) {
        this(repository, planning, solverManager, transactions, clock, instanceName());
        this.orphanCheckSeconds = wfm.roster().orphanCheckSeconds();
        if (wfm.roster().coverageBoundLimit() != null) {
            this.coverageBoundLimit = wfm.roster().coverageBoundLimit();
        }
    }

    RosterSolving(RosterRepository repository, RosterPlanning planning,
            SolverManager<RosterSolution, Long> solverManager, Transactions transactions, Clock clock,
            String instanceId) {
        this.repository = repository;
        this.planning = planning;
        this.solverManager = solverManager;
        this.transactions = transactions;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** Makes this instance the owner of a roster it has just created (inside the creating transaction). */
    void claimNew(long rosterId) {
        repository.claim(rosterId, instanceId, now(), now());
    }

    /** Starts solving a roster this instance owns, from scratch. */
    void solve(RosterRun run) {
        submit(run, null);
    }

    /**
     * Solves a roster this instance owns from scratch in the calling thread, reproducibly: local search ends after
     * {@code steps} steps (see {@link RosterSolverConfiguration#reproducible}), so the same inputs give the same
     * roster and score however loaded the machine is. The roster ends SOLVED (FAILED on an error, which is rethrown).
     */
    void solveReproducibly(RosterRun run, int steps) {
        RosterPlanning.Problem problem = planning.problem(run, repository.intervals(run.id()),
                repository.agentIds(run.id()), null);
        transactions.write(() -> {
            repository.replaceAgentIssues(run.id(), problem.solution().getAgentIssues());
            return null;
        });
        Job job = new Job(run.id(), problem.agentIds(), 0);
        computeCoverageBound(run.id(), problem.solution(), Duration.ofSeconds(run.solveSeconds()));
        jobs.put(run.id(), job);
        // keeps the claim fresh, so no other instance takes the roster over while it is solved here
        job.flush = timers.scheduleWithFixedDelay(() -> {
            try {
                repository.heartbeat(run.id(), instanceId, now());
            } catch (RuntimeException e) {
                log.warn("Roster {}: heartbeat failed; trying again", run.id(), e);
            }
        }, SAVE_MILLIS, SAVE_MILLIS, TimeUnit.MILLISECONDS);
        try {
            Solver<RosterSolution> solver = SolverFactory.<RosterSolution>create(
                    RosterSolverConfiguration.reproducible(steps)).buildSolver();
            solver.addEventListener(event -> job.record(event.getNewBestSolution().getScore(), now()));
            RosterSolution best = solver.solve(problem.solution());
            job.cancelTimers();
            job.forceNextPoint = true;
            job.record(best.getScore(), now());
            save(job, best);
            repository.setStatus(run.id(), List.of(RosterStatus.SOLVING), RosterStatus.SOLVED, null, now());
        } catch (RuntimeException e) {
            log.error("Roster {} failed while solving", run.id(), e);
            repository.setStatus(run.id(), List.of(RosterStatus.SOLVING), RosterStatus.FAILED, RosterRun.FAILED_SOLVER,
                    now());
            throw e;
        } finally {
            job.cancelTimers();
            repository.release(run.id(), instanceId);
            jobs.remove(run.id(), job);
            job.done.countDown();
        }
    }

    /**
     * Solves a stopped or solved roster further from its saved best solution (warm start) for {@code moreSeconds};
     * false when it is not stopped or solved.
     */
    boolean continueSolving(RosterRun run, int moreSeconds) {
        int total = (int) Math.min(Integer.MAX_VALUE, (run.solvedMillis() + 999) / 1000 + moreSeconds);
        if (!repository.reopen(run.id(), total, instanceId, now())) {
            return false;
        }
        RosterRun reopened = repository.find(run.id()).orElseThrow();
        try {
            submit(reopened, repository.assignments(run.id()));
        } catch (RuntimeException e) {
            repository.setStatus(run.id(), List.of(RosterStatus.SOLVING), run.status(), null, now());
            repository.release(run.id(), instanceId);
            throw e;
        }
        return true;
    }

    /**
     * Stops a solve: its best solution so far is saved and the roster becomes STOPPED. A roster left SOLVING by an
     * instance that is gone (and not resumed here) keeps its saved best solution.
     */
    void stop(long rosterId) {
        Job job = jobs.get(rosterId);
        if (job == null) {
            repository.setStatus(rosterId, List.of(RosterStatus.SOLVING), RosterStatus.STOPPED, null, now());
        } else {
            job.stopRequested = true;
            terminate(job);
            await(job, 60);
        }
    }

    /** Waits until a background solve of this instance has finished; false on timeout. */
    boolean awaitSolved(long rosterId, long timeoutSeconds) {
        Job job = jobs.get(rosterId);
        return job == null || await(job, timeoutSeconds);
    }

    /** At start-up: resume what this instance can claim at once, then keep watching for orphans. */
    @EventListener(ApplicationReadyEvent.class)
    void onStarted() {
        bounds.execute(() -> log.info("Coverage bound LP solver (GLOP) {}",
                CoverageBound.solverLoaded() ? "loaded" : "not available: every bound will be \"not available\""));
        resumeInterrupted();
        if (orphanCheckSeconds > 0) {
            watchForOrphans(Duration.ofSeconds(orphanCheckSeconds));
        }
    }

    /**
     * Checks every {@code period} for rosters whose owner died (or restarted: a new instance) and takes them over,
     * so a solve is never left SOLVING with a dead owner while any instance lives.
     */
    void watchForOrphans(Duration period) {
        timers.scheduleWithFixedDelay(() -> {
            try {
                resumeInterrupted();
            } catch (RuntimeException e) {
                log.warn("Looking for rosters left SOLVING by a dead instance failed; trying again", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Resumes every roster left SOLVING by an instance that is gone (see {@link SolveClaim#orphaned}) that this
     * instance manages to claim, from its last saved best solution; returns their ids.
     */
    synchronized List<Long> resumeInterrupted() {
        List<Long> resumed = new ArrayList<>();
        if (shuttingDown) {
            return resumed;
        }
        for (RosterRun run : repository.withStatus(RosterStatus.SOLVING)) {
            if (jobs.containsKey(run.id())
                    || !repository.claim(run.id(), instanceId, now(),
                            SolveClaim.staleBefore(now()))) {
                continue;
            }
            try {
                submit(run, repository.assignments(run.id()));
                resumed.add(run.id());
                log.info("Roster {} resumed after {} ms of solving from its last saved best solution ({})",
                        run.id(), run.solvedMillis(), run.score());
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    // the solver is closing: leave the roster to the next live instance
                    repository.release(run.id(), instanceId);
                    break;
                }
                log.error("Roster {} could not be resumed", run.id(), e);
                repository.setStatus(run.id(), List.of(RosterStatus.SOLVING), RosterStatus.FAILED,
                        RosterRun.FAILED_RESUME, now());
                repository.release(run.id(), instanceId);
            }
        }
        return resumed;
    }

    private void submit(RosterRun run, List<RosterAssignment> saved) {
        RosterPlanning.Problem problem = planning.problem(run, repository.intervals(run.id()),
                repository.agentIds(run.id()), saved);
        transactions.write(() -> {
            repository.replaceAgentIssues(run.id(), problem.solution().getAgentIssues());
            return null;
        });
        Job job = new Job(run.id(), problem.agentIds(), run.solvedMillis());
        CoverageQuality quality = repository.coverageQuality(run.id());
        long remaining = Math.max(1_000, run.solveSeconds() * 1000L - run.solvedMillis());
        if (quality.boundState() == null || quality.boundState() == CoverageQuality.BoundState.COMPUTING) {
            computeCoverageBound(run.id(), problem.solution(), Duration.ofMillis(remaining));
        }
        // the first phase's loops end at the planner's limit (or a stop) themselves, not only between its steps
        job.deadline = problem.solution().getSolveDeadline();
        job.deadline.endIn(Duration.ofMillis(remaining));
        jobs.put(run.id(), job);
        try {
            solverManager.solveAndListen(run.id(), x -> problem.solution(), best -> onBest(job, best),
                    last -> onFinal(job, last), (x, error) -> onError(job, error));
        } catch (RuntimeException e) {
            jobs.remove(run.id());
            throw e;
        }
        job.timer = timers.schedule(() -> terminate(job), remaining, TimeUnit.MILLISECONDS);
        // a best solution found between two saves is saved by this flush once improvements stop coming
        job.flush = timers.scheduleWithFixedDelay(() -> {
            try {
                if (!repository.heartbeat(run.id(), instanceId, now()) && !job.done.await(0, TimeUnit.SECONDS)) {
                    // taken over by another instance (this one looked dead): stop without writing anything more
                    log.warn("Roster {} is no longer owned by {}; stopping this solve", run.id(), instanceId);
                    job.lostClaim = true;
                    terminate(job);
                    return;
                }
                savePending(job);
            } catch (RuntimeException e) {
                log.warn("Roster {}: saving the best solution failed; trying again", run.id(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, SAVE_MILLIS, SAVE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Computes the coverage bound of a roster's problem on the bound thread: the LP, saved at once, then raised by whole
     * agent plans until that settles, the solve ends or {@link CoverageBound#raiseTime} has passed, saved again when
     * higher. Both read only what the solver never changes (agents, requirement, pinned days, leave), so they may read
     * the problem the solver is working on.
     */
    private void computeCoverageBound(long rosterId, RosterSolution problem, Duration solveTime) {
        repository.saveCoverageBound(rosterId, CoverageQuality.BoundState.COMPUTING, null, null);
        // the solver's guided construction waits for this LP's start-time mix rather than solving the LP again
        CompletableFuture<ShiftMix> mix = new CompletableFuture<>();
        problem.setShiftMix(mix);
        // a bound being raised (or about to be) gives way to this roster's LP, which its guided construction waits for
        try {
            turns.execute(bounds, () -> {
                CoverageBound.Result lp = CoverageBound.of(problem, coverageBoundLimit, mix::complete);
                mix.complete(lp.mix());
                saveCoverageBound(rosterId, lp);
                if (lp.available()) {
                    // then raised by whole agent plans while the solve runs (it ends with the solve), the shortfall
                    // floor in the time that leaves, saved once more when done
                    SolveDeadline end = new SolveDeadline();
                    end.endIn(CoverageBound.raiseTime(solveTime));
                    CoverageBound.Result raised = turns.raise(end, () -> CoverageBound.raise(problem, lp, end));
                    if (raised.bound() > lp.bound() || raised.shortfallFloor() > lp.shortfallFloor()) {
                        saveCoverageBound(rosterId, raised);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            mix.complete(null);
            repository.saveCoverageBound(rosterId, CoverageQuality.BoundState.NOT_AVAILABLE, null, null);
        }
    }

    private void saveCoverageBound(long rosterId, CoverageBound.Result result) {
        log.info("Roster {}: coverage bound {} (LP {}; {}, {} columns, {} rows, {} ms), shortfall floor {}", rosterId,
                result.bound(), result.lpBound(), result.state(), result.columns(), result.rows(), result.millis(),
                result.shortfallFloor());
        try {
            CoverageQuality.BoundState state = result.available() ? CoverageQuality.BoundState.AVAILABLE
                    : CoverageQuality.BoundState.NOT_AVAILABLE;
            // a bound of a second or less lands while the solve saves its first rosters: a deadlock loser
            // against those saves is written again, as every write is
            transactions.write(() -> {
                repository.saveCoverageBound(rosterId, state, result.available() ? result.bound() : null,
                        result.available() && !Double.isNaN(result.shortfallFloor()) ? result.shortfallFloor() : null);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Roster {}: saving the coverage bound failed", rosterId, e);
        }
    }

    /** The first best solution is saved at once (the planner sees a roster quickly), later ones at most every 2 s. */
    private void onBest(Job job, RosterSolution best) {
        job.record(best.getScore(), now());
        job.pending = best;
        if (job.lastSaveNanos == 0 || System.nanoTime() - job.lastSaveNanos >= SAVE_MILLIS * 1_000_000) {
            savePending(job);
        }
    }

    private void savePending(Job job) {
        RosterSolution pending;
        synchronized (job) {
            if (job.lostClaim) {
                return;
            }
            pending = job.pending;
            job.pending = null;
            if (pending != null) {
                save(job, pending);
            }
        }
    }

    private void onFinal(Job job, RosterSolution last) {
        try {
            job.cancelTimers();
            if (job.lostClaim) {
                return;
            }
            job.forceNextPoint = true;
            job.record(last.getScore(), now());
            synchronized (job) {
                job.pending = null;
                save(job, last);
            }
            if (!shuttingDown) {
                RosterStatus end = job.stopRequested ? RosterStatus.STOPPED : RosterStatus.SOLVED;
                repository.setStatus(job.rosterId, List.of(RosterStatus.SOLVING), end, null, now());
            }
            // shutting down: left SOLVING and unowned, so another instance resumes it without waiting
            repository.release(job.rosterId, instanceId);
        } catch (RuntimeException e) {
            log.error("Roster {}: the final solution could not be saved", job.rosterId, e);
            repository.setStatus(job.rosterId, List.of(RosterStatus.SOLVING), RosterStatus.FAILED,
                    RosterRun.FAILED_SAVE, now());
        } finally {
            jobs.remove(job.rosterId, job);
            job.done.countDown();
        }
    }

    private void onError(Job job, Throwable error) {
        try {
            log.error("Roster {} failed while solving", job.rosterId, error);
            job.cancelTimers();
            if (!job.lostClaim) {
                repository.setStatus(job.rosterId, List.of(RosterStatus.SOLVING), RosterStatus.FAILED,
                        RosterRun.FAILED_SOLVER, now());
                repository.release(job.rosterId, instanceId);
            }
        } finally {
            jobs.remove(job.rosterId, job);
            job.done.countDown();
        }
    }

    /**
     * Saves the (solver's private clone of the) best solution with its score; each shift carries its breaks. Only
     * while the roster is still this instance's and SOLVING: stopped on another instance (which only changes its
     * status) it may be published before this solve's next heartbeat notices, and must then stay as published.
     */
    private void save(Job job, RosterSolution solution) {
        List<RosterAssignment> assignments = RosterPlanning.assignments(solution, job.agentIds);
        HardSoftLongScore score = solution.getScore() == null ? HardSoftLongScore.ZERO : solution.getScore();
        List<ScorePoint> points = job.drainPoints();
        long coverageObjective = CoverageBound.objectiveOf(solution);
        boolean saved = transactions.write(() -> {
            if (!repository.lockWhileSolvingBy(job.rosterId, instanceId)) {
                return false;
            }
            repository.saveBest(job.rosterId, assignments, score.hardScore(), score.softScore(), job.solvedMillis(),
                    points, now());
            repository.saveCoverageObjective(job.rosterId, coverageObjective);
            return true;
        });
        if (!saved) {
            log.warn("Roster {} is no longer solving on {}; its solve stops without saving", job.rosterId, instanceId);
            job.lostClaim = true;
            terminate(job);
        }
        job.lastSaveNanos = Math.max(1, System.nanoTime());
    }

    /** Ends a background solve: local search through OptaPlanner, the first phase's loops through the deadline. */
    private void terminate(Job job) {
        if (job.deadline != null) {
            job.deadline.endNow();
        }
        solverManager.terminateEarly(job.rosterId);
    }

    /** Whether this instance is solving the roster now. */
    boolean solvesHere(long rosterId) {
        return jobs.containsKey(rosterId);
    }

    @PreDestroy
    void shutdown() {
        shuttingDown = true;
        turns.close();
        for (Job job : List.copyOf(jobs.values())) {
            terminate(job);
            await(job, 10);
        }
        timers.shutdownNow();
        bounds.shutdownNow();
        try {
            // a look for orphans still running must end before the solver manager closes under it
            timers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(Job job, long seconds) {
        try {
            return job.done.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One background solve on this instance. */
    static final class Job {
        final long rosterId;
        final Map<String, Long> agentIds;
        final long baseMillis;
        final long startNanos = System.nanoTime();
        final CountDownLatch done = new CountDownLatch(1);
        final List<ScorePoint> points = new ArrayList<>();
        volatile boolean stopRequested;
        volatile boolean lostClaim;
        volatile boolean forceNextPoint = true;
        volatile long lastSaveNanos;
        volatile ScheduledFuture<?> timer;
        volatile SolveDeadline deadline;
        volatile ScheduledFuture<?> flush;
        volatile RosterSolution pending;
        long lastPointMillis = -1;

        Job(long rosterId, Map<String, Long> agentIds, long baseMillis) {
            this.rosterId = rosterId;
            this.agentIds = new HashMap<>(agentIds);
            this.baseMillis = baseMillis;
        }

        void cancelTimers() {
            if (timer != null) {
                timer.cancel(false);
            }
            if (flush != null) {
                flush.cancel(false);
            }
        }

        long solvedMillis() {
            return baseMillis + (System.nanoTime() - startNanos) / 1_000_000;
        }

        synchronized void record(HardSoftLongScore score, LocalDateTime now) {
            if (score == null) {
                return;
            }
            long elapsed = solvedMillis();
            if (forceNextPoint || elapsed - lastPointMillis >= POINT_MILLIS) {
                if (elapsed == lastPointMillis) {
                    elapsed++;
                }
                points.add(new ScorePoint(elapsed, score.hardScore(), score.softScore(), now));
                lastPointMillis = elapsed;
                forceNextPoint = false;
            }
        }

        synchronized List<ScorePoint> drainPoints() {
            List<ScorePoint> out = List.copyOf(points);
            points.clear();
            return out;
        }
    }


    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return truncateTo(host, 60) + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String truncateTo(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
