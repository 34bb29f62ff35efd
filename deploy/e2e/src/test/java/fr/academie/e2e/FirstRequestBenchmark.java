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
 * started from its jar {@code -Dbench.starts} times (3), the request sent every 10 ms from the launch.
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-first-request verify -DskipTests} (about 5 minutes);
 * {@code -Dportail.java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java} starts the services on another JDK and
 * {@code -Dportail.aot-cache=/tmp/aot} gives each an AOT cache (JDK 25: its first start records it).
 */
public final class FirstRequestBenchmark {

    private static final Duration POLL = Duration.ofMillis(10);

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
                "(the stack's options)") + ", AOT cache: " + System.getProperty(Stack.AOT_CACHE, "").replaceAll("^$", "none"));
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
            double[] answered = new double[starts];
            double[] ready = new double[starts];
            for (int i = 0; i < starts; i++) {
                HttpRequest request = first.getValue().get();
                stack.stop(first.getKey());
                long launch = System.nanoTime();
                CompletableFuture<Double> started = CompletableFuture.supplyAsync(() -> {
                    stack.restart(first.getKey());
                    return (System.nanoTime() - launch) / 1e9;
                });
                answered[i] = firstAnswer(request, launch);
                ready[i] = started.join();
            }
            System.out.printf("%-17s first request answered (200) after %s s; ready (its health check) after %s s%n",
                    first.getKey().module(), seconds(answered), seconds(ready));
        }
    }

    /** The request with a token valid now (a token lives minutes: the benchmark takes longer). */
    private Supplier<HttpRequest> bearer(String url) {
        return () -> HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + stack.accessToken("lmartin"))
                .build();
    }

    /** Seconds from the launch to the request's first 200. */
    private double firstAnswer(HttpRequest request, long launch) throws InterruptedException {
        while (System.nanoTime() - launch < Duration.ofMinutes(2).toNanos()) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - launch) / 1e9;
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
