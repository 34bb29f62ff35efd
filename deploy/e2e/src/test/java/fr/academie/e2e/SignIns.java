package fr.academie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Keycloak;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.TestStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Complete sign-ins as a browser does them (the portal → Keycloak's form → the callback → {@code /api/me}), by a few
 * clients in a closed loop, each with an account of its own: Keycloak's brute-force detector locks an account signed
 * in to many times at once.
 */
final class SignIns {

    /** What a run did: its sign-ins' durations (sorted, nanoseconds), its errors and how long it ran. */
    record Result(long[] durations, int errors, Duration length) {

        double perSecond() {
            return durations.length / (double) length.toSeconds();
        }

        void print(String label) {
            System.out.printf("  %-12s %d sign-ins, %d errors: %.1f sign-ins/s, p50 %.0f ms, p95 %.0f ms%n", label,
                    durations.length, errors, perSecond(), Load.percentile(durations, 50) / 1e6,
                    Load.percentile(durations, 95) / 1e6);
        }
    }

    private final TestStack stack;
    private final String gateway;
    private final List<String> people = new ArrayList<>();

    SignIns(TestStack stack, String gateway, int clients) {
        this.stack = stack;
        this.gateway = gateway;
        for (int i = 0; i < clients; i++) {
            people.add(stack.newAccount("personnel").username());
        }
    }

    Result run(Duration length) throws InterruptedException {
        ConcurrentLinkedQueue<Long> durations = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(people.size());
        for (String username : people) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    try {
                        Browser browser = new Browser();
                        signIn(browser, username);
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
        clients.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        return new Result(durations.stream().mapToLong(Long::longValue).sorted().toArray(), errors.get(), length);
    }

    /** The whole sign-in as a browser does it; returns the browser's cookies for the gateway. */
    Map<String, String> signIn(Browser browser, String username) {
        HttpResponse<String> toKeycloak = browser.follow(browser.get(URI.create(gateway + "/")),
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
    String passwordHash() throws IOException {
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
