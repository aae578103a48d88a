package com.timebank.wfm.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;

class DatabaseHealthIndicatorTest {

    /** A data source that behaves as the test says: answers, refuses, or hangs. */
    static class SwitchableDataSource extends AbstractDataSource {
        final AtomicReference<String> mode = new AtomicReference<>("up");
        final CountDownLatch release = new CountDownLatch(1);
        String wsrepReady;

        @Override
        public Connection getConnection() throws SQLException {
            switch (mode.get()) {
                case "refused" -> throw new SQLNonTransientConnectionException("Could not create connection", "08001");
                case "hangs" -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new SQLNonTransientConnectionException("gave up", "08001");
                }
                default -> {
                    return answering(wsrepReady);
                }
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    /** A connection to a plain server (wsrepReady null: wsrep_on OFF, wsrep_ready OFF) or to a Galera node. */
    static Connection answering(String wsrepReady) throws SQLException {
        Connection c = mock(Connection.class);
        Statement s = mock(Statement.class);
        when(c.createStatement()).thenReturn(s);
        ResultSet on = row(wsrepReady == null ? "OFF" : "ON");
        ResultSet ready = row(wsrepReady == null ? "OFF" : wsrepReady);
        when(s.executeQuery(contains("wsrep_on"))).thenReturn(on);
        when(s.executeQuery(contains("wsrep_ready"))).thenReturn(ready);
        return c;
    }

    static ResultSet row(String value) throws SQLException {
        ResultSet r = mock(ResultSet.class);
        when(r.next()).thenReturn(true);
        when(r.getString(2)).thenReturn(value);
        return r;
    }

    final SwitchableDataSource dataSource = new SwitchableDataSource();
    // generous: the first mocks take a while on a busy machine; the silent database test uses a short timeout
    final DatabaseHealthIndicator indicator = new DatabaseHealthIndicator(dataSource, Duration.ofSeconds(20));

    @Test
    void readyWhenThePlainServerOrAReadyGaleraNodeAnswers() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        dataSource.wsrepReady = "ON";
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aGaleraNodeOutsideThePrimaryComponentIsNotReady() {
        dataSource.wsrepReady = "OFF";
        Health h = indicator.health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails()).containsEntry("reason", "database.node-not-ready");
    }

    @Test
    void notReadyWhileEveryNodeRefusesThenReadyAgainOnItsOwn() {
        dataSource.mode.set("refused");
        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("reason", "database.unreachable");
        dataSource.mode.set("up");
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aSilentDatabaseAnswersNotReadyWithinTheTimeout() {
        DatabaseHealthIndicator quick = new DatabaseHealthIndicator(dataSource, Duration.ofMillis(300));
        dataSource.mode.set("hangs");
        long start = System.nanoTime();
        Health h = quick.health();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails()).containsEntry("reason", "database.no-answer");
        assertThat(millis).isLessThan(3_000);
        // a second probe while the first still hangs waits on the same check, not on a new thread
        assertThat(quick.health().getDetails()).containsEntry("reason", "database.no-answer");
        dataSource.mode.set("up");
        dataSource.release.countDown();
        Status status = Status.DOWN;
        for (int probe = 0; probe < 60 && !status.equals(Status.UP); probe++) {
            status = quick.health().getStatus();
        }
        assertThat(status).isEqualTo(Status.UP);
    }
}
