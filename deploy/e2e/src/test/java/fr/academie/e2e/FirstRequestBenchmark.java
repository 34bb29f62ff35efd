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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

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
 * {@code -Dbench.services=mail-service} measures only the services named (module names, comma-separated), and
 * {@code -Dbench.versus=name=value;...} compares: each counted start is followed by one with these configuration
 * entries (given to the JVM as system properties, so a JDK setting too), and both series are printed with their
 * medians — starts alternated, so that the machine's drift weighs on both alike. {@code -Dbench.aot-recording-jvm="..."}
 * (in the profile) records the caches with other JVM options than the measured starts.
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
    /** The services measured ({@code -Dbench.services}, module names): all when empty. */
    private static final List<String> ONLY = Arrays.stream(System.getProperty("bench.services", "").split(","))
            .map(String::trim).filter(name -> !name.isEmpty()).toList();
    /** What the compared starts change besides ({@code -Dbench.versus=name=value;...}): nothing compared when empty. */
    private static final Map<String, String> VERSUS = Arrays.stream(System.getProperty("bench.versus", "").split(";"))
            .map(String::trim).filter(entry -> !entry.isEmpty()).map(entry -> entry.split("=", 2))
            .collect(Collectors.toMap(entry -> entry[0], entry -> entry.length > 1 ? entry[1] : "",
                    (first, second) -> second, LinkedHashMap::new));

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
                + " (recorded with " + System.getProperty(Stack.AOT_RECORDING_JVM_OPTIONS, "").replaceAll("^\\s*$", "the same")
                + " options)"
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
        firsts.keySet().removeIf(service -> !ONLY.isEmpty() && !ONLY.contains(service.module()));
        Map<String, String> versus = new LinkedHashMap<>(START);
        versus.putAll(VERSUS);
        for (Map.Entry<Service, Supplier<HttpRequest>> first : firsts.entrySet()) {
            // once on the running service: a start that records its AOT cache has then served the request measured;
            // then one start not counted (the cache is assembled as the recording JVM ends, beside that start)
            firstAnswer(first.getValue().get(), System.nanoTime());
            stack.stop(first.getKey());
            stack.restart(first.getKey(), START);
            firstAnswer(first.getValue().get(), System.nanoTime());
            List<Start> measured = new ArrayList<>();
            List<Start> compared = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                measured.add(start(first.getKey(), first.getValue(), START));
                if (!VERSUS.isEmpty()) {
                    compared.add(start(first.getKey(), first.getValue(), versus));
                }
            }
            System.out.printf("%-17s first request answered (200) after %s s; ready (its health check) after %s s "
                            + "(from the process's launch; the harness prepared it in %s s before)%n",
                    first.getKey().module(), seconds(measured, Start::answered), seconds(measured, Start::ready),
                    seconds(measured, Start::preparing));
            if (!VERSUS.isEmpty()) {
                System.out.printf("%-17s with %s: first request answered after %s s; ready after %s s; medians %.2f s "
                                + "against %.2f s without%n", first.getKey().module(), VERSUS,
                        seconds(compared, Start::answered), seconds(compared, Start::ready),
                        median(compared, Start::answered), median(measured, Start::answered));
            }
        }
    }

    /** One start, in seconds: its first answer and its readiness from the launch, the harness's work before it. */
    private record Start(double answered, double ready, double preparing) {
    }

    /** Stops the service and starts it with these configuration changes, the request sent every 10 ms meanwhile. */
    private Start start(Service service, Supplier<HttpRequest> first, Map<String, String> changes)
            throws InterruptedException {
        HttpRequest request = first.get();
        stack.stop(service);
        long asked = System.nanoTime();
        CompletableFuture<Long> started = CompletableFuture.supplyAsync(() -> {
            stack.restart(service, changes);
            return System.nanoTime();
        });
        long answer = firstAnswer(request, asked);
        long readyAt = started.join();
        long launched = stack.launchedNanos(service);
        return new Start((answer - launched) / 1e9, (readyAt - launched) / 1e9, (launched - asked) / 1e9);
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

    private static double median(List<Start> starts, ToDoubleFunction<Start> time) {
        return Load.percentile(starts.stream().mapToLong(start -> Math.round(time.applyAsDouble(start) * 1e9)).sorted()
                .toArray(), 50) / 1e9;
    }

    private static String seconds(List<Start> starts, ToDoubleFunction<Start> time) {
        return String.join(" / ", starts.stream().map(start -> String.format("%.2f", time.applyAsDouble(start))).toList());
    }
}
