package com.timebank.wfm.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.timebank.wfm.WfmProperties;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Refusal;
import com.timebank.wfm.database.Transactions;

import jakarta.annotation.PreDestroy;

/**
 * Records every run of a job for a center: started, finished, status, counts and the error if it failed. A run
 * beats while it works; runs whose beat stopped (their instance died) are marked ABANDONED when a run starts
 * and every minute.
 */
@Service
public class JobRunService {

    private static final Logger log = LoggerFactory.getLogger(JobRunService.class);
    private static final int ERROR_LENGTH = 2000;

    private final JobRunRepository repository;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration abandonedAfter;
    private final ScheduledExecutorService beats;

    @Autowired
    JobRunService(JobRunRepository repository, Transactions transactions, Clock clock, WfmProperties wfm) {
        this(repository, transactions, clock, wfm.jobs().heartbeat(), wfm.jobs().abandonedAfter());
    }

    JobRunService(JobRunRepository repository, Transactions transactions, Clock clock, Duration heartbeat,
            Duration abandonedAfter) {
        if (abandonedAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("wfm.jobs.abandoned-after must be at least three heartbeats (wfm.jobs.heartbeat)");
        }
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.abandonedAfter = abandonedAfter;
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-run-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(this::abandonStaleQuietly, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stopBeating() {
        beats.shutdownNow();
    }

    /**
     * A date (or month) of a run, or one agent's item of it, that failed on its own while the run went on with the
     * others. {@code code} and {@code message} are the English the API shows; {@code reason} is why, for the pages:
     * a refusal's own message, or an unexpected error named by its class (its text stays in the log).
     */
    public record Failure(LocalDate date, String employeeNo, String code, Message reason, String message) {

        public static Failure of(LocalDate date, RuntimeException e) {
            String code = e instanceof Refusal r ? r.reason().code() : e.getClass().getSimpleName();
            return new Failure(date, null, code, reason(e), e.getMessage());
        }

        /** The same failure as that of one agent's item, named by the agent's employee number. */
        public Failure ofAgent(String employeeNo) {
            return new Failure(date, employeeNo, code, reason, message);
        }

        static Message reason(RuntimeException e) {
            return e instanceof Refusal r ? r.reason()
                    : Message.of("job.failure.unexpected", e.getClass().getSimpleName());
        }

        Message text() {
            return employeeNo == null ? Message.of("job.failure.date", date, reason)
                    : Message.of("job.failure.agent", date, employeeNo, reason);
        }

        @Override
        public String toString() {
            return date + ": " + code + ": " + (employeeNo == null ? "" : "agent " + employeeNo + ": ") + message;
        }
    }

    /** What a run did: the business dates it covered, how many items it processed and posted, what failed. */
    public record Outcome(List<LocalDate> dates, int processed, int posted, List<Failure> failures) {

        public Outcome(List<LocalDate> dates, int processed, int posted) {
            this(dates, processed, posted, List.of());
        }

        /** How many failed and the first of them, for the pages; null when none did. */
        public Message failure() {
            return failures.isEmpty() ? null : Message.of("job.failed", failures.size(), failures.get(0).text());
        }
    }

    /**
     * How many items a running run has committed so far (thread-safe: batches commit on several threads). Its beat
     * records the count, so a run shows how far it is, and one whose instance died shows how far it got.
     */
    public static final class Progress {
        private final AtomicInteger processed = new AtomicInteger();

        public void committed(int items) {
            processed.addAndGet(items);
        }

        int processed() {
            return processed.get();
        }
    }

    /**
     * Runs the work, recording the run around it; the run row commits on its own, whatever the work does. A run
     * whose work reports failures is FAILED with them listed, and keeps the counts of what it did.
     */
    public JobRun run(String job, long centerId, String triggeredBy, String instanceId, Supplier<Outcome> work) {
        return run(job, centerId, triggeredBy, instanceId, progress -> work.get());
    }

    /** The same, the work telling its {@link Progress} what each of its commits processed. */
    public JobRun run(String job, long centerId, String triggeredBy, String instanceId,
            Function<Progress, Outcome> work) {
        abandonStale();
        long id = transactions.write(() -> repository.start(job, centerId, triggeredBy, instanceId, now()));
        Progress progress = new Progress();
        ScheduledFuture<?> beating = beats.scheduleWithFixedDelay(() -> beat(id, progress), heartbeat.toMillis(),
                heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Outcome outcome = work.apply(progress);
            beating.cancel(false);
            JobRun.Status status = outcome.failures().isEmpty() ? JobRun.Status.SUCCEEDED : JobRun.Status.FAILED;
            String error = outcome.failures().isEmpty() ? null : clip(outcome.failures().size() + " failed: "
                    + outcome.failures().stream().map(Failure::toString).collect(Collectors.joining("; ")));
            if (error != null) {
                log.warn("Job {} for center {}: {}", job, centerId, error);
            }
            transactions.write(() -> {
                repository.finish(id, status, JobRun.DateSpan.of(outcome.dates()), outcome.processed(),
                        outcome.posted(), error, outcome.failure(), now());
                return null;
            });
        } catch (RuntimeException e) {
            beating.cancel(false);
            log.error("Job {} for center {} failed", job, centerId, e);
            String error = clip(e.getClass().getSimpleName() + ": " + e.getMessage());
            transactions.write(() -> {
                repository.finish(id, JobRun.Status.FAILED, null, 0, 0, error, Failure.reason(e), now());
                return null;
            });
            throw e;
        }
        return repository.find(id).orElseThrow();
    }

    /** The schedule looked for work of {@code job} in the center (found or not). */
    public void checked(String job, long centerId, String instanceId) {
        transactions.write(() -> {
            repository.checked(job, centerId, instanceId, now());
            return null;
        });
    }

    /** Per job, when the schedule last looked for its work in the center (UTC). */
    public Map<String, LocalDateTime> lastChecks(long centerId) {
        return repository.lastChecks(centerId);
    }

    /** The latest run, whatever its status, of the job for the center whose dates begin on {@code firstDate}. */
    public java.util.Optional<JobRun> latest(String job, long centerId, LocalDate firstDate) {
        return repository.latest(job, centerId, firstDate);
    }

    /** Marks RUNNING runs that stopped beating as ABANDONED; returns how many. */
    public int abandonStale() {
        int abandoned = transactions.write(() -> repository.abandonStale((int) abandonedAfter.toSeconds(), now()));
        if (abandoned > 0) {
            log.warn("{} job run(s) stopped beating and are marked ABANDONED; the next run does their work", abandoned);
        }
        return abandoned;
    }

    private void abandonStaleQuietly() {
        try {
            abandonStale();
        } catch (RuntimeException e) {
            log.warn("Cannot mark abandoned job runs: {}", e.getMessage());
        }
    }

    private void beat(long id, Progress progress) {
        try {
            repository.beat(id, progress.processed());
        } catch (RuntimeException e) {
            log.warn("Cannot record the heartbeat of job run {}: {}", id, e.getMessage());
        }
    }

    private static String clip(String error) {
        return error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
    }

    public List<JobRun> recent(String job, java.util.Collection<Long> centerIds, int offset, int limit) {
        return repository.recent(job, centerIds, offset, limit);
    }

    /** How many runs {@link #recent} pages through. */
    public int countRecent(String job, java.util.Collection<Long> centerIds) {
        return repository.countRecent(job, centerIds);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
