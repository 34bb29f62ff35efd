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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The gateway's cost, measured on loopback against the real stack (PostgreSQL, Keycloak, the services and the
 * gateway from their jars, as the tests start them): (1) the latency the gateway adds to the same authenticated GET
 * on mail-service (a database read), direct with a bearer token vs. through the gateway with a session cookie, at a
 * fixed 200 requests/s after a warm-up — latency counted from each request's planned start, so a stall is not
 * hidden; (2) the throughput ratio gateway / direct at saturation; (3) complete sign-ins per second (gateway →
 * Keycloak form → callback → first API call) with their p95. Prints the figures; asserts nothing.
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench verify -DskipTests} (about 6 minutes); add
 * {@code -Dbench.jvm="-Xmx256m -XX:+UseSerialGC"} to start the services with other JVM options (here: both JIT tiers).
 */
public final class GatewayBenchmark {

    private static final int RATE = 200;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    private static final Duration SATURATION = Duration.ofSeconds(20);
    private static final int SATURATION_CLIENTS = 16;
    private static final Duration SIGN_INS = Duration.ofSeconds(30);
    private static final int SIGN_IN_CLIENTS = 4;
    /** The benchmark is the only client, from one address: the abuse limits would measure themselves. */
    static final Map<String, String> NO_LIMITS = Map.of(
            "gateway.rate-limit.sign-in-per-address", "1000000/PT1M",
            "gateway.rate-limit.api-per-address", "1000000/PT1M",
            "gateway.rate-limit.api-per-account", "1000000/PT1M");

    private final TestStack stack = TestStack.get();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Load load = new Load(http);

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new GatewayBenchmark().run();
        System.exit(0); // the stack stops with the JVM (TestStack's shutdown hook)
    }

    private void run() throws Exception {
        System.out.println("Services' JVM options: " + System.getProperty(Stack.JVM_OPTIONS, "(the stack's defaults)"));
        String gateway = stack.gateway(NO_LIMITS);
        SignIns signIns = new SignIns(stack, gateway, SIGN_IN_CLIENTS);
        if (Boolean.getBoolean("bench.sign-ins-only")) {
            signIns.run(SIGN_INS).print("sign-ins");
            return;
        }
        String mail = stack.service(Service.MAIL);
        String cookie = signIns.signIn(new Browser(), "lmartin").entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
        Supplier<HttpRequest> viaGateway = () -> HttpRequest.newBuilder(URI.create(gateway + "/api/mail/folders"))
                .header("Cookie", cookie).GET().build();
        Supplier<HttpRequest> direct = () -> HttpRequest.newBuilder(URI.create(mail + "/folders"))
                .header("Authorization", "Bearer " + stack.accessToken("lmartin")).GET().build();
        System.out.printf("%nGateway overhead, GET /folders of mail-service (PostgreSQL read), loopback, %d req/s%n", RATE);
        load.fixedRate("warm-up direct", direct, WARM_UP, RATE / 2);
        load.fixedRate("warm-up gateway", viaGateway, WARM_UP, RATE / 2);
        long[] directLatency = load.fixedRate("direct", direct, MEASURE, RATE);
        long[] gatewayLatency = load.fixedRate("gateway", viaGateway, MEASURE, RATE);
        System.out.printf("  gateway adds: p50 %.2f ms, p99 %.2f ms%n",
                (Load.percentile(gatewayLatency, 50) - Load.percentile(directLatency, 50)) / 1e6,
                (Load.percentile(gatewayLatency, 99) - Load.percentile(directLatency, 99)) / 1e6);

        System.out.printf("%nSaturation, %d clients in a closed loop%n", SATURATION_CLIENTS);
        double directRate = saturate("direct", direct);
        double gatewayRate = saturate("gateway", viaGateway);
        System.out.printf("  throughput ratio gateway / direct: %.2f%n", gatewayRate / directRate);

        System.out.printf("%nSign-ins (portal → Keycloak form → callback → /api/me), %d clients in a closed loop, %s%n",
                SIGN_IN_CLIENTS, SIGN_INS);
        signIns.run(SIGN_INS).print("sign-ins");
        System.out.println("  password hash of the realm: " + signIns.passwordHash());
    }

    private double saturate(String label, Supplier<HttpRequest> request) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + SATURATION.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(SATURATION_CLIENTS);
        for (int i = 0; i < SATURATION_CLIENTS; i++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (http.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            done.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(SATURATION.toSeconds() + 30, TimeUnit.SECONDS);
        double rate = done.get() / (double) SATURATION.toSeconds();
        System.out.printf("  %-16s %8.0f requests/s, %d errors%n", label, rate, errors.get());
        return rate;
    }
}
