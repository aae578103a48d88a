package com.timebank.wfm.reports.bench;

import static com.timebank.wfm.db.Tables.AGENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.timebank.wfm.WfmApplication;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.ledger.EntryKind;
import com.timebank.wfm.ledger.LedgerBatch;
import com.timebank.wfm.ledger.LedgerService;
import com.timebank.wfm.ledger.Posting;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.reports.BalanceSheet;
import com.timebank.wfm.reports.BalanceSheetService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.WfmPrincipal;
import com.timebank.wfm.users.UserService;

/**
 * Seeds N agents (default 10,000, in 20 teams) with three months of ledger entries — one settlement entry per agent
 * and working day, bonuses, emergency overtime and time off — through the ledger's batch postings, then times the
 * middle month's balance sheet for the whole center (the service call the API and the pages make). Run with
 * {@code scripts/bench-reports [N]}; it uses WFM_DB_URL when set, else an embedded MariaDB under
 * scheduler/target/bench-db. Not a test: numbers depend on the machine.
 */
public final class BalanceSheetBenchmark {

    public static void main(String[] args) {
        int agents = args.length == 0 ? 10_000 : Integer.parseInt(args[0]);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WfmApplication.class)
                .properties("server.port=0", "spring.quartz.auto-startup=false", "wfm.db.dir=target/bench-db",
                        "WFM_ADMIN_PASSWORD=bench-admin-password", "logging.level.root=WARN",
                        "logging.level.com.timebank=WARN")
                .run()) {
            run(ctx, agents);
        }
    }

    private static void run(ConfigurableApplicationContext ctx, int agents) {
        OrganisationService organisation = ctx.getBean(OrganisationService.class);
        DSLContext db = ctx.getBean(DSLContext.class);
        Clock clock = ctx.getBean(Clock.class);
        CurrentUser admin = ((WfmPrincipal) ctx.getBean(UserService.class).loadUserByUsername("admin")).currentUser();
        String code = "R" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        Center center = organisation.createCenter(new OrganisationService.NewCenter(code, "Bench", "Asia/Shanghai", 30),
                admin);
        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            teams.add(organisation.createTeam(code, "T" + t, "Team " + t, admin));
        }
        LocalDateTime now = LocalDateTime.now();
        for (int from = 0; from < agents; from += 5_000) {
            var insert = db.insertInto(AGENT, AGENT.EMPLOYEE_NO, AGENT.NAME, AGENT.CENTER_ID, AGENT.TEAM_ID,
                    AGENT.WEEKLY_MIN_MINUTES, AGENT.WEEKLY_MAX_MINUTES, AGENT.CREATED_AT);
            for (int i = from; i < Math.min(agents, from + 5_000); i++) {
                insert = insert.values(code + "-" + i, "Agent " + i, center.id(), teams.get(i % teams.size()).id(),
                        2400, 2400, now);
            }
            insert.execute();
        }
        List<Long> ids = organisation.agentsOfCenter(center.id()).stream().map(Agent::id).toList();
        YearMonth month = YearMonth.from(center.today(clock)).minusMonths(2);
        long t0 = System.nanoTime();
        int entries = seed(ctx, ids, month.minusMonths(1).atDay(1), month.plusMonths(1).atEndOfMonth());
        System.out.printf("seeded %,d agents, %,d entries over %s..%s in %.1f s%n", ids.size(), entries,
                month.minusMonths(1), month.plusMonths(1), (System.nanoTime() - t0) / 1e9);

        BalanceSheetService sheets = ctx.getBean(BalanceSheetService.class);
        int runs = Integer.getInteger("bench.runs", 7);
        double[] seconds = new double[runs];
        BalanceSheet sheet = null;
        sheets.sheet(code, month, null, admin); // warm-up, not a result
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            sheet = sheets.sheet(code, month, null, admin);
            seconds[r] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(seconds);
        // where the time goes: the parts the sheet is made of, each once more
        long p0 = System.nanoTime();
        List<Long> scoped = sheets.scope(code, null, admin).agents().stream().map(Agent::id).toList();
        long p1 = System.nanoTime();
        ctx.getBean(LedgerService.class).monthSheet(scoped, month, month.plusMonths(1).atDay(1).atStartOfDay());
        long p2 = System.nanoTime();
        ctx.getBean(com.timebank.wfm.timebank.TimeBonusService.class).budget(code, month, admin);
        long p3 = System.nanoTime();
        System.out.printf("parts: agents in scope %.3f s, ledger month summary %.3f s, bonus budget %.3f s%n",
                (p1 - p0) / 1e9, (p2 - p1) / 1e9, (p3 - p2) / 1e9);
        System.out.printf("balance sheet of %s for %,d agents (%d teams): median %.3f s, best %.3f s, worst %.3f s "
                        + "over %d runs; opening %,d s + flows = closing %,d s%n", month, sheet.agents().size(),
                sheet.teams().size(), seconds[runs / 2], seconds[0], seconds[runs - 1], runs, sheet.total().opening(),
                sheet.total().closing());
        // the month-end attendance report (reward list) of the same center, for comparison
        com.timebank.wfm.reports.AttendanceReportService attendance =
                ctx.getBean(com.timebank.wfm.reports.AttendanceReportService.class);
        attendance.report(code, month, null, admin);
        double[] att = new double[runs];
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            attendance.report(code, month, null, admin);
            att[r] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(att);
        System.out.printf("attendance report for %,d agents: median %.3f s, best %.3f s, worst %.3f s%n",
                sheet.agents().size(), att[runs / 2], att[0], att[runs - 1]);
    }

    /** One batch per day and 2,000 agents: a settlement entry each working day, and the other services now and then. */
    private static int seed(ConfigurableApplicationContext ctx, List<Long> ids, LocalDate from, LocalDate to) {
        LedgerService ledger = ctx.getBean(LedgerService.class);
        Transactions transactions = ctx.getBean(Transactions.class);
        Random random = new Random(16);
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            LocalDate day = d;
            for (int i = 0; i < ids.size(); i += 2_000) {
                List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 2_000));
                count += transactions.write(() -> {
                    LedgerBatch batch = ledger.lock(chunk);
                    for (Long id : chunk) {
                        long available = batch.account(id).availableSeconds();
                        int roll = random.nextInt(100);
                        EntryKind kind;
                        long seconds;
                        if (roll < 60) {
                            kind = EntryKind.AUX_SAVING;
                            seconds = 60 + random.nextInt(900);
                        } else if (roll < 85 && available > 0) {
                            kind = EntryKind.AUX_OVERDRAFT;
                            seconds = -Math.min(available, 60 + random.nextInt(600));
                        } else if (roll < 90) {
                            kind = EntryKind.EMERGENCY_OVERTIME;
                            seconds = 1_800 + random.nextInt(3_600);
                        } else if (roll < 93) {
                            kind = EntryKind.TIME_BONUS;
                            seconds = 600;
                        } else if (roll < 96 && available >= 3_600) {
                            kind = EntryKind.TIME_OFF;
                            seconds = -3_600;
                        } else {
                            continue;
                        }
                        batch.post(Posting.of(id, day, kind, seconds, "bench", null, "BENCH-" + id + "-" + day));
                    }
                    return batch.writeEntries();
                });
            }
        }
        return count;
    }
}
