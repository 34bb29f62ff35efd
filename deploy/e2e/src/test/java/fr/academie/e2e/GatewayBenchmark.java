package fr.academie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Keycloak;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
    private static final Map<String, String> NO_LIMITS = Map.of(
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
        if (Boolean.getBoolean("bench.sign-ins-only")) {
            signIns(gateway);
            return;
        }
        String mail = stack.service(Service.MAIL);
        String cookie = signIn(gateway, new Browser(), "lmartin").entrySet().stream()
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
        signIns(gateway);
        System.out.println("  password hash of the realm: " + passwordHash());
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

    private void signIns(String gateway) throws InterruptedException {
        ConcurrentLinkedQueue<Long> durations = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < SIGN_IN_CLIENTS; i++) {
            people.add(stack.newAccount("personnel").username());
        }
        long end = System.nanoTime() + SIGN_INS.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(SIGN_IN_CLIENTS);
        for (int i = 0; i < SIGN_IN_CLIENTS; i++) {
            // one person per client: Keycloak's brute-force detector locks an account signed in to many times at once
            String username = people.get(i);
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    try {
                        Browser browser = new Browser();
                        signIn(gateway, browser, username);
                        if (browser.get(URI.create(gateway + "/api/me")).statusCode() != 200) {
                            throw new IllegalStateException("/api/me after sign-in");
                        }
                        durations.add(System.nanoTime() - begin);
                    } catch (RuntimeException | AssertionError e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("  sign-in failed: " + e.getMessage());
                        }
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(SIGN_INS.toSeconds() + 60, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        long[] values = sorted.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("  %d sign-ins, %d errors: %.1f sign-ins/s, p50 %.0f ms, p95 %.0f ms%n", values.length,
                errors.get(), values.length / (double) SIGN_INS.toSeconds(), Load.percentile(values, 50) / 1e6,
                Load.percentile(values, 95) / 1e6);
    }

    /** The whole sign-in as a browser does it; returns the browser's cookies for the gateway. */
    private Map<String, String> signIn(String gateway, Browser browser, String username) {
        URI portal = URI.create(gateway + "/");
        HttpResponse<String> toKeycloak = browser.follow(browser.get(portal),
                uri -> uri.toString().startsWith(stack.realmUrl()));
        HttpResponse<String> loginPage = browser.get(Browser.location(toKeycloak));
        HttpResponse<String> back = browser.follow(browser.submitLogin(loginPage, username, DemoAccounts.PASSWORD));
        if (back.statusCode() != 200 || !back.uri().toString().startsWith(gateway)) {
            String text = back.body().replaceAll("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>", " ")
                    .replaceAll("\\s+", " ");
            throw new IllegalStateException("sign-in ended on " + back.uri().getPath() + " (" + back.statusCode() + "): "
                    + text.substring(Math.max(0, text.indexOf("Français")), Math.min(text.length(), text.indexOf("Français") + 400)));
        }
        return browser.cookies();
    }

    /** The algorithm and cost of lmartin's stored password, as Keycloak records them. */
    private String passwordHash() throws IOException {
        JsonNode users = stack.stack().admin().read("/admin/realms/" + Keycloak.REALM + "/users?exact=true&username=lmartin");
        JsonNode credentials = stack.stack().admin().read("/admin/realms/" + Keycloak.REALM + "/users/"
                + users.get(0).get("id").asText() + "/credentials");
        for (JsonNode credential : credentials) {
            if ("password".equals(credential.get("type").asText())) {
                return new ObjectMapper().readTree(credential.get("credentialData").asText()).toString();
            }
        }
        return "unknown";
    }
}
