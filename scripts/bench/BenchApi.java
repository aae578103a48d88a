import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Set-up and fallback load generator of scripts/bench-api (a single-file program: java BenchApi.java URL
 * ADMIN_PASSWORD). Creates a center, a team, AGENTS agents and their AGENT users through the API (each user replaces
 * the password the admin gave, as at a first sign-in). With -Dtargets=FILE it only writes one line per agent, its
 * balance path and Authorization header separated by a tab, for wrk (scripts/bench/timebank.lua). Otherwise it reads
 * GET /api/agents/{e}/timebank over HTTP Basic from CLIENTS threads, each request as the next of the agents, for
 * SECONDS after a warm-up; then GET /actuator/health the same way, and prints requests/s, p50 and p99 of each and the
 * ratio (this generator takes a good part of the 2 cores itself). Settings: -Dagents=50 -Dclients=50 -Dseconds=20
 * -Dwarmup=10.
 */
public class BenchApi {

    static final int AGENTS = Integer.getInteger("agents", 50);
    static final int CLIENTS = Integer.getInteger("clients", 50);
    static final int SECONDS = Integer.getInteger("seconds", 20);
    static final int WARMUP = Integer.getInteger("warmup", 10);

    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static String base;

    record Result(String name, long requests, long errors, double seconds, long p50Micros, long p99Micros) {
        double rate() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-34s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  (%d requests, %d errors, %d clients)",
                    name, rate(), p50Micros / 1000.0, p99Micros / 1000.0, requests, errors, CLIENTS);
        }
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        String adminPassword = args[1];
        String admin = basic("admin", adminPassword);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        String center = "B" + run;
        send("POST", "/api/centers", admin, """
                {"code":"%s","name":"Bench","timeZone":"Asia/Shanghai","intervalMinutes":30}""".formatted(center), 201);
        send("POST", "/api/centers/" + center + "/teams", admin, """
                {"code":"T1","name":"Team"}""", 201);
        List<String[]> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String employeeNo = center + "E" + i;
            String username = ("agent" + run + "x" + i).toLowerCase();
            send("POST", "/api/agents", admin, """
                    {"employeeNo":"%s","name":"Agent %d","centerCode":"%s","teamCode":"T1",
                     "weeklyMinMinutes":1200,"weeklyMaxMinutes":2400,"skills":["voice"]}""".formatted(employeeNo, i, center),
                    201);
            send("POST", "/api/users", admin, """
                    {"username":"%s","password":"first-given-%d-%s","role":"AGENT","employeeNo":"%s"}"""
                    .formatted(username, i, run, employeeNo), 201);
            String first = basic(username, "first-given-" + i + "-" + run);
            String own = "own-passphrase-" + i + "-" + run;
            send("POST", "/api/me/password", first, """
                    {"currentPassword":"first-given-%d-%s","newPassword":"%s"}""".formatted(i, run, own), 204);
            agents.add(new String[] {"/api/agents/" + employeeNo + "/timebank", basic(username, own)});
        }
        String targets = System.getProperty("targets");
        if (targets != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(targets),
                    agents.stream().map(a -> a[0] + "\t" + a[1]).toList());
            System.out.printf("set up %d agents in center %s%n", AGENTS, center);
            return;
        }
        System.out.printf("set up %d agents in center %s; %d clients, %d s warm-up, %d s measured%n", AGENTS, center,
                CLIENTS, WARMUP, SECONDS);
        Result timebank = load("GET /api/agents/{e}/timebank", agents);
        Result health = load("GET /actuator/health", List.<String[]>of(new String[] {"/actuator/health", null}));
        System.out.println(timebank);
        System.out.println(health);
        System.out.printf("timebank / health throughput ratio: %.2f%n", timebank.rate() / health.rate());
        System.out.printf("target (>= 500 req/s and p99 < 50 ms): %s%n",
                timebank.rate() >= 500 && timebank.p99Micros() < 50_000 ? "met" : "NOT met");
    }

    static Result load(String name, List<String[]> targets) throws InterruptedException {
        run(targets, WARMUP, null);
        long[][] latencies = new long[CLIENTS][];
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long[] counts = run(targets, SECONDS, new Object[] {latencies, errors});
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int c = 0; c < CLIENTS; c++) {
            System.arraycopy(latencies[c], 0, all, at, (int) counts[c]);
            at += (int) counts[c];
        }
        Arrays.sort(all);
        return new Result(name, total, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    /** Each client sends requests one after the other until the time is up; returns each client's count. */
    static long[] run(List<String[]> targets, int seconds, Object[] record) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] counts = new long[CLIENTS];
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                int next = client;
                try {
                    while (System.nanoTime() < end) {
                        String[] target = targets.get(next++ % targets.size());
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target[0])).GET()
                                .timeout(Duration.ofSeconds(30));
                        if (target[1] != null) {
                            b.header("Authorization", target[1]);
                        }
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (record != null) {
                            if (status != 200) {
                                ((AtomicLong) record[1]).incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = micros;
                        }
                    }
                } finally {
                    if (record != null) {
                        ((long[][]) record[0])[client] = mine;
                    }
                    counts[client] = n;
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        return counts;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static void send(String method, String path, String auth, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).header("Authorization", auth)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
