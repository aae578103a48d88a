package com.timebank.wfm.timebank.bench;

import static com.timebank.wfm.db.Tables.AGENT;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.timebank.wfm.WfmApplication;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.users.UserService;
import com.timebank.wfm.security.WfmPrincipal;
import com.timebank.wfm.timebank.ActivityFile;
import com.timebank.wfm.timebank.ActivityService;
import com.timebank.wfm.timebank.AuxSettlementService;

/**
 * Settles two business days for N agents on a real MariaDB and reports agent-days per second and peak heap: a first
 * night, which also opens the agents' accounts, and the next night, which is what the job does every night.
 * Run with {@code scripts/bench-settlement 10000 100000}; it uses WFM_DB_URL when set, else an embedded MariaDB
 * under scheduler/target/bench-db. Not a test: numbers depend on the machine.
 */
public final class SettlementBenchmark {

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WfmApplication.class)
                .properties("server.port=0", "spring.quartz.auto-startup=false", "wfm.db.dir=target/bench-db",
                        "WFM_ADMIN_PASSWORD=bench-admin-password", "logging.level.root=WARN",
                        "logging.level.com.timebank=WARN")
                .run()) {
            // A service settles every night in a JVM that has long been running: warm the JIT up first, as JMH
            // does, so that the figures below are not mostly compilation (-Dbench.warmup=0 to leave it out).
            int warmup = Integer.getInteger("bench.warmup", 20_000);
            if (warmup > 0) {
                run(ctx, warmup, "warm-up, not a result: ");
            }
            for (int n : sizes) {
                run(ctx, n, "");
            }
        }
    }

    private static void run(ConfigurableApplicationContext ctx, int agents, String prefix) {
        OrganisationService organisation = ctx.getBean(OrganisationService.class);
        UserService users = ctx.getBean(UserService.class);
        DSLContext db = ctx.getBean(DSLContext.class);
        Clock clock = ctx.getBean(Clock.class);
        CurrentUser admin = ((WfmPrincipal) users.loadUserByUsername("admin")).currentUser();
        String code = "B" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        Center center = organisation.createCenter(new OrganisationService.NewCenter(code, "Bench", "Asia/Shanghai", 30), admin);
        Team team = organisation.createTeam(code, "T", "Bench team", admin);
        LocalDateTime now = LocalDateTime.now();
        for (int from = 0; from < agents; from += 5_000) {
            var insert = db.insertInto(AGENT, AGENT.EMPLOYEE_NO, AGENT.NAME, AGENT.CENTER_ID, AGENT.TEAM_ID,
                    AGENT.WEEKLY_MIN_MINUTES, AGENT.WEEKLY_MAX_MINUTES, AGENT.CREATED_AT);
            for (int i = from; i < Math.min(agents, from + 5_000); i++) {
                insert = insert.values(code + "-" + i, "Agent " + i, center.id(), team.id(), 2400, 2400, now);
            }
            insert.execute();
        }
        // Two nights: the first also opens every agent's account; the second is a night like any other.
        LocalDate today = center.today(clock);
        settleOneDay(ctx, admin, center, code, agents, today.minusDays(2), prefix + "first night (opens accounts)");
        settleOneDay(ctx, admin, center, code, agents, today.minusDays(1), prefix + "next night");
    }

    private static void settleOneDay(ConfigurableApplicationContext ctx, CurrentUser admin, Center center, String code,
            int agents, LocalDate day, String label) {
        Random random = new Random(day.toEpochDay());
        List<ActivityFile.JsonRow> rows = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            long logged = 20_000 + random.nextInt(9_000);
            rows.add(new ActivityFile.JsonRow(code + "-" + i, day.toString(), logged,
                    (long) (random.nextInt(5) == 0 ? 1_200 + random.nextInt(2_000) : random.nextInt(1_000))));
        }
        long t0 = System.nanoTime();
        ctx.getBean(ActivityService.class).importActivity(ActivityFile.fromJson(rows), admin);
        long t1 = System.nanoTime();
        resetPeaks();
        long cpu0 = processCpuNanos();
        long db0 = databaseServerCpuMillis();
        AuxSettlementService.Result r = ctx.getBean(AuxSettlementService.class)
                .settleDate(center.id(), day, AuxSettlementService.BatchObserver.NONE);
        long t2 = System.nanoTime();
        long cpu = processCpuNanos() - cpu0;
        long dbCpu = databaseServerCpuMillis() - db0;
        double seconds = (t2 - t1) / 1e9;
        System.out.printf("%,d agents, %s: import %.2f s; settlement %.2f s = %,.0f agent-days/s, %,d entries posted, "
                        + "CPU: service %.2f s, database server %s, peak heap during settlement %,d MiB (max heap %,d MiB)%n",
                agents, label, (t1 - t0) / 1e9, seconds, r.processed() / seconds, r.posted(), cpu / 1e9,
                db0 < 0 ? "n/a" : String.format("%.2f s", dbCpu / 1e3), peakHeapMiB(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * CPU time of the local MariaDB/MySQL server process from /proc (Linux), or -1 when there is none; it counts
     * whatever else that server does meanwhile, so it is exact only on an otherwise idle server.
     */
    private static long databaseServerCpuMillis() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .mapToLong(p -> {
                    try {
                        String[] stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", p.pid() + "", "stat"))
                                .replaceFirst("^.*\\) ", "").split(" ");
                        // fields 14 and 15 of stat (user and system time in clock ticks of 10 ms), counted after ") "
                        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10;
                    } catch (java.io.IOException | RuntimeException e) {
                        return 0;
                    }
                }).reduce(Long::sum).orElse(-1);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
