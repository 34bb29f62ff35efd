package fr.academie.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** The benchmarks' load: requests at a fixed rate, or one after the other, timed and summed up as percentiles. */
final class Load {

    private final HttpClient http;

    Load(HttpClient http) {
        this.http = http;
    }

    /** Requests started every 1/rate s for the duration whatever the answers; latency from the planned start. */
    long[] fixedRate(String label, Supplier<HttpRequest> request, Duration duration, int rate) {
        int count = (int) (duration.toSeconds() * rate);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[count];
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>(count);
        ProcessCpu.Meter cpu = ProcessCpu.meter();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long planned = start + i * interval;
            LockSupport.parkNanos(planned - System.nanoTime());
            int index = i;
            pending.add(http.sendAsync(request.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies[index] = System.nanoTime() - planned;
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return report(label, latencies, errors.get(), cpu.stop());
    }

    /** One client, each request sent when the previous one has answered, for the duration. */
    long[] oneByOne(String label, Supplier<HttpRequest> request, Duration duration)
            throws IOException, InterruptedException {
        List<Long> latencies = new ArrayList<>();
        int errors = 0;
        ProcessCpu.Meter cpu = ProcessCpu.meter();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            if (http.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                errors++;
            }
            latencies.add(System.nanoTime() - start);
        }
        return report(label, latencies.stream().mapToLong(Long::longValue).toArray(), errors, cpu.stop());
    }

    /** Prints the latencies' percentiles and the processor time per request of each part. */
    private static long[] report(String label, long[] latencies, int errors, ProcessCpu.Usage cpu) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-24s %6d requests, %d errors, p50 %6.2f ms, p95 %6.2f ms, p99 %6.2f ms, max %7.2f ms%n",
                label, sorted.length, errors, percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6,
                percentile(sorted, 99) / 1e6, sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        System.out.printf("  %-24s processor per request: %s%n", "", cpu.perOperation(sorted.length));
        return sorted;
    }

    static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
