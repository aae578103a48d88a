package com.timebank.wfm.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.timebank.wfm.database.Transactions;

/** Records every run of a job for a center: started, finished, status, counts and the error if it failed. */
@Service
public class JobRunService {

    private static final Logger log = LoggerFactory.getLogger(JobRunService.class);

    private final JobRunRepository repository;
    private final Transactions transactions;
    private final Clock clock;

    JobRunService(JobRunRepository repository, Transactions transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a run did: the business dates it covered and how many items it processed and posted. */
    public record Outcome(List<LocalDate> dates, int processed, int posted) {
    }

    /** Runs the work, recording the run around it; the run row commits on its own, whatever the work does. */
    public JobRun run(String job, long centerId, String triggeredBy, String instanceId, Supplier<Outcome> work) {
        long id = transactions.write(() -> repository.start(job, centerId, triggeredBy, instanceId, now()));
        try {
            Outcome outcome = work.get();
            transactions.write(() -> {
                repository.finish(id, JobRun.Status.SUCCEEDED, describe(outcome.dates()), outcome.processed(),
                        outcome.posted(), null, now());
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Job {} for center {} failed", job, centerId, e);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            transactions.write(() -> {
                repository.finish(id, JobRun.Status.FAILED, null, 0, 0,
                        error.length() > 2000 ? error.substring(0, 2000) : error, now());
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

    public List<JobRun> recent(String job, java.util.Collection<Long> centerIds, int offset, int limit) {
        return repository.recent(job, centerIds, offset, limit);
    }

    static String describe(List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return null;
        }
        String text = dates.size() == 1 ? dates.get(0).toString() : dates.get(0) + ".." + dates.get(dates.size() - 1)
                + " (" + dates.size() + " dates)";
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
