package com.timebank.wfm.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import com.timebank.wfm.WfmProperties;

/**
 * Readiness of this instance as far as the database goes: a query through the pool must answer within a short
 * time, and on a Galera node the node must be ready for writes ({@code wsrep_ready}). An instance that lost every
 * node is not ready (the round-robin in front stops sending it requests) and is ready again on its own once a node
 * answers: the check runs on every probe, and the pool's multi-host URL reconnects to whichever node is up.
 */
@Component
public class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSource dataSource;
    private final Duration timeout;
    // one thread: a probe that hangs on a dead node never piles up more threads than one
    private final ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-readiness");
        t.setDaemon(true);
        return t;
    });
    private volatile CompletableFuture<Health> running;

    @Autowired
    public DatabaseHealthIndicator(DataSource dataSource, WfmProperties wfm) {
        this(dataSource, wfm.health().databaseTimeout());
    }

    DatabaseHealthIndicator(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> check = running;
        if (check == null || check.isDone()) {
            check = CompletableFuture.supplyAsync(this::check, probe);
            running = check;
        }
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "database.no-answer")
                    .withDetail("timeoutMillis", timeout.toMillis()).build();
        } catch (ExecutionException e) {
            return down(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        }
    }

    private Health check() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            // MariaDB reports wsrep_ready OFF on a plain server too: only a node with wsrep_on is a Galera node
            if ("ON".equalsIgnoreCase(value(s, "SHOW VARIABLES LIKE 'wsrep_on'"))
                    && !"ON".equalsIgnoreCase(value(s, "SHOW STATUS LIKE 'wsrep_ready'"))) {
                return Health.down().withDetail("reason", "database.node-not-ready").build();
            }
            return Health.up().build();
        } catch (Exception e) {
            return down(e);
        }
    }

    private static String value(Statement s, String show) throws java.sql.SQLException {
        try (ResultSet r = s.executeQuery(show)) {
            return r.next() ? r.getString(2) : null;
        }
    }

    private static Health down(Throwable e) {
        return Health.down().withDetail("reason", "database.unreachable")
                .withDetail("error", e.getClass().getSimpleName()).build();
    }
}
