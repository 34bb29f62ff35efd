package fr.academie.e2e;

import fr.academie.stack.Service;
import fr.academie.stack.Stack;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.TestStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How long after its launch each service answers its first real request — a token checked and a database read:
 * Léna's folders, her career record, her requests, and {@code /api/me} through the gateway with a session made before
 * the gateway's restart — and its readiness check. PostgreSQL and Keycloak stay up; each service is stopped and
 * started from its jar {@code -Dbench.starts} times (3), the request sent every 10 ms; times count from the process's
 * launch (what the harness does before it, its configuration and database checked, is printed apart).
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-first-request verify -DskipTests} (about 5 minutes);
 * {@code -Dportail.java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java} starts the services on another JDK,
 * {@code -Dportail.aot-cache=/tmp/aot} gives each an AOT cache (JDK 25: its first start records it; a new directory
 * for each build, as a cache fits only the jars it was recorded with) and {@code -Paot} packages them for it.
 */
public final class FirstRequestBenchmark {

    private static final Duration POLL = Duration.ofMillis(10);
    /**
     * Whether the measured starts load the demo data ({@code -Dbench.demo-data}): no by default, as production starts
     * (the stack's first start loaded it, so Léna's data is there); yes measures the local stack's starts.
     */
    private static final boolean DEMO_DATA = Boolean.getBoolean("bench.demo-data");
    /** What each measured start changes in the stack's configuration. */
    private static final Map<String, String> START = Map.of("portail.demo-data", String.valueOf(DEMO_DATA));

    private final TestStack stack = TestStack.get();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private FirstRequestBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(() -> new FirstRequestBenchmark().run(Integer.getInteger("bench.starts", 3)));
    }

    private void run(int starts) throws Exception {
        System.out.println("Services' JVM: " + Stack.javaExecutable() + " " + System.getProperty(Stack.JVM_OPTIONS,
                "(the stack's options)") + ", AOT cache: " + System.getProperty(Stack.AOT_CACHE, "").replaceAll("^$", "none")
                + ", demo data: " + (DEMO_DATA ? "loaded at each start" : "not loaded (as in production)"));
        String gateway = stack.gateway(Map.of());
        Browser browser = new Browser();
        new SignIns(stack, gateway, 0).signIn(browser, "lmartin");
        String cookie = String.join("; ", browser.cookies().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
        Map<Service, Supplier<HttpRequest>> firsts = new LinkedHashMap<>();
        firsts.put(Service.MAIL, bearer(stack.service(Service.MAIL) + "/folders"));
        firsts.put(Service.IPROF, bearer(stack.service(Service.IPROF) + "/agents/me"));
        firsts.put(Service.COLIBRIS, bearer(stack.service(Service.COLIBRIS) + "/requests"));
        firsts.put(Service.GATEWAY, () -> HttpRequest.newBuilder(URI.create(gateway + "/api/me")).header("Cookie", cookie).build());
        for (Map.Entry<Service, Supplier<HttpRequest>> first : firsts.entrySet()) {
            // once on the running service: a start that records its AOT cache has then served the request measured;
            // then one start not counted (the cache is assembled as the recording JVM ends, beside that start)
            firstAnswer(first.getValue().get(), System.nanoTime());
            stack.stop(first.getKey());
            stack.restart(first.getKey(), START);
            firstAnswer(first.getValue().get(), System.nanoTime());
            double[] answered = new double[starts];
            double[] ready = new double[starts];
            double[] preparing = new double[starts];
            for (int i = 0; i < starts; i++) {
                HttpRequest request = first.getValue().get();
                stack.stop(first.getKey());
                long asked = System.nanoTime();
                CompletableFuture<Long> started = CompletableFuture.supplyAsync(() -> {
                    stack.restart(first.getKey(), START);
                    return System.nanoTime();
                });
                long answer = firstAnswer(request, asked);
                long readyAt = started.join();
                long launched = stack.launchedNanos(first.getKey());
                answered[i] = (answer - launched) / 1e9;
                ready[i] = (readyAt - launched) / 1e9;
                preparing[i] = (launched - asked) / 1e9;
            }
            System.out.printf("%-17s first request answered (200) after %s s; ready (its health check) after %s s "
                            + "(from the process's launch; the harness prepared it in %s s before)%n",
                    first.getKey().module(), seconds(answered), seconds(ready), seconds(preparing));
        }
    }

    /** The request with a token valid now (a token lives minutes: the benchmark takes longer). */
    private Supplier<HttpRequest> bearer(String url) {
        return () -> HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + stack.accessToken("lmartin"))
                .build();
    }

    /** When ({@link System#nanoTime()}) the request was first answered 200, sent every 10 ms from {@code from} on. */
    private long firstAnswer(HttpRequest request, long from) throws InterruptedException {
        while (System.nanoTime() - from < Duration.ofMinutes(2).toNanos()) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(request.uri() + " did not answer 200 within two minutes");
    }

    private static String seconds(double[] values) {
        return String.join(" / ", Arrays.stream(values).mapToObj(v -> String.format("%.2f", v)).toList());
    }
}
