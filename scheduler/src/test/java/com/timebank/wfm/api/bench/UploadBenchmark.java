package com.timebank.wfm.api.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.timebank.wfm.api.IcuMessageSource;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Problems;
import com.timebank.wfm.api.UploadBody;
import com.timebank.wfm.api.UploadErrors;
import com.timebank.wfm.timebank.ActivityFile;

/**
 * Several wholly bad activity uploads at once, read as the API reads them (a UTF-8 stream through the one CSV
 * reader into bounded problems) and answered as the API answers them: prints each answer's size, the time, and
 * the peak heap. The files are generated as streams, so the benchmark itself holds none of them.
 * Run by {@code scripts/bench-upload [lines] [uploads]} (default 1,300,000 lines ≈ 46 MB, 4 at once).
 */
public final class UploadBenchmark {

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_300_000;
        int uploads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
        IcuMessageSource messages = new IcuMessageSource();
        messages.setBasenames(IcuMessageSource.SERVICE_MESSAGES);
        Problems problems = new Problems(messages);
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        long start = System.nanoTime();
        List<Future<long[]>> done = new ArrayList<>();
        for (int u = 0; u < uploads; u++) {
            done.add(pool.submit(() -> {
                BadFile file = new BadFile(lines);
                ActivityFile parsed = ActivityFile.parseCsv(new UploadBody(file).reader());
                InvalidInputException refused = InvalidInputException.refusedFile(parsed.problems());
                ProblemDetail p = problems.of(refused.status(), refused, null);
                return new long[] {file.bytes, json.writeValueAsBytes(p).length, refused.total()};
            }));
        }
        for (Future<long[]> f : done) {
            long[] r = f.get();
            System.out.printf("upload of %,d bytes: %,d problems, answer %,d bytes (at most %,d listed)%n", r[0], r[2],
                    r[1], UploadErrors.MAX_LISTED);
        }
        pool.shutdown();
        long peak = 0;
        for (MemoryPoolMXBean pool2 : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool2.getType() == MemoryType.HEAP) {
                peak += pool2.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%d uploads at once in %.1f s; peak heap %,d MiB (max heap %,d MiB)%n", uploads,
                (System.nanoTime() - start) / 1e9, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** {@code employee_no,date,logged_seconds,aux_seconds} and lines whose every value is wrong, made as read. */
    private static final class BadFile extends InputStream {

        private final int lines;
        private int line = -1;
        private byte[] current = new byte[0];
        private int at;
        long bytes;

        BadFile(int lines) {
            this.lines = lines;
        }

        @Override
        public int read() throws IOException {
            if (at == current.length && !next()) {
                return -1;
            }
            bytes++;
            return current[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at == current.length && !next()) {
                return -1;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            bytes += n;
            return n;
        }

        private boolean next() {
            line++;
            if (line > lines) {
                return false;
            }
            String text = line == 0 ? "employee_no,date,logged_seconds,aux_seconds\n"
                    : "E" + line + ",2026-13-45,many,-12345678901\n";
            current = text.getBytes(StandardCharsets.UTF_8);
            at = 0;
            return true;
        }
    }
}
