package fr.academie.e2e;

import fr.academie.e2e.JfrProfile.Cause;
import fr.academie.stack.testing.TestStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a complete sign-in costs, in processor time, and where Keycloak's goes. Four clients sign in in a closed loop
 * (the portal → Keycloak's form → the callback → {@code /api/me}, as {@link GatewayBenchmark} does) for a warm-up,
 * then for the measured minute: sign-ins/s, p50/p95, and the processor time per sign-in of each part of the stack read
 * from {@code /proc}, Keycloak's split into its JIT compilers, its garbage collector and its request threads; then
 * for a profiled half-minute, a JFR recording of Keycloak whose execution samples split the request threads' time by
 * cause (the password hash, our sign-in journal, the event store, the login page, token signing...).
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-sign-in verify -DskipTests} (about 7 minutes);
 * {@code -Dbench.warm-up=PT2M} (Keycloak's JIT still compiles after one minute) and {@code -Dbench.measure=PT1M}
 * change the phases.
 */
public final class SignInBenchmark {

    private static final int CLIENTS = 4;
    private static final Duration PROFILE = Duration.ofSeconds(30);

    /** In priority order: a sample is the first cause with a frame of it in its stack. */
    private static final List<Cause> CAUSES = List.of(
            new Cause("password hash (Argon2id)", "org.bouncycastle.crypto.generators.Argon2",
                    "org.keycloak.credential.hash"),
            new Cause("sign-in journal (portail-connexions)", "fr.academie.keycloak"),
            new Cause("events stored (JPA event store)", "org.keycloak.events.jpa"),
            new Cause("events logged (jboss-logging)", "org.keycloak.events.log"),
            new Cause("login page (FreeMarker theme)", "freemarker.", "org.keycloak.theme"),
            new Cause("token signing and verifying", "org.keycloak.jose", "org.keycloak.crypto", "sun.security",
                    "java.security"),
            new Cause("sessions (user and client sessions)", "org.keycloak.models.sessions", "org.keycloak.models.jpa.session",
                    "org.infinispan"),
            new Cause("database, other", "org.postgresql", "org.hibernate", "io.agroal"),
            new Cause("token endpoint, other", "org.keycloak.protocol.oidc.endpoints.TokenEndpoint",
                    "org.keycloak.protocol.oidc.TokenManager"),
            new Cause("login flow, other", "org.keycloak.authentication", "org.keycloak.services.resources.LoginActionsService",
                    "org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint"),
            new Cause("HTTP and framework (Vert.x, RESTEasy, Quarkus)", "io.netty", "io.vertx", "org.jboss.resteasy",
                    "io.quarkus"),
            new Cause("Keycloak, other", "org.keycloak"));

    private final TestStack stack = TestStack.get();

    private SignInBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(() -> new SignInBenchmark().run(Duration.parse(System.getProperty("bench.warm-up", "PT2M")),
                Duration.parse(System.getProperty("bench.measure", "PT1M"))));
    }

    private void run(Duration warmUp, Duration measure) throws Exception {
        SignIns signIns = new SignIns(stack, stack.gateway(GatewayBenchmark.NO_LIMITS), CLIENTS);
        long keycloak = stack.stack().keycloak().process().jvmPid();
        System.out.printf("Complete sign-ins, %d clients in a closed loop; password hash %s%n", CLIENTS,
                signIns.passwordHash());
        signIns.run(warmUp).print("warm-up");

        ProcessCpu.Meter parts = ProcessCpu.meter();
        Map<String, Double> threads = ProcessCpu.jvmThreads(keycloak);
        SignIns.Result measured = signIns.run(measure);
        ProcessCpu.Usage partsUsed = parts.stop();
        Map<String, Double> threadsUsed = ProcessCpu.used(threads, ProcessCpu.jvmThreads(keycloak));
        measured.print("measured");
        int count = measured.durations().length;
        partsUsed.print("sign-in", count);
        System.out.println("  Keycloak's, by thread:");
        threadsUsed.forEach((kind, seconds) -> System.out.printf("    %-40s %6.1f ms%n", kind, seconds * 1000 / count));

        Path recording = Files.createTempFile("keycloak-sign-ins", ".jfr");
        JfrProfile profile = JfrProfile.start(keycloak);
        signIns.run(PROFILE).print("profiled");
        Map<String, Long> samples = JfrProfile.split(profile.stop(recording), CAUSES);
        long total = samples.values().stream().mapToLong(Long::longValue).sum();
        double requestThreads = threadsUsed.getOrDefault("application threads", 0.0) * 1000 / count;
        System.out.printf("  Keycloak's application threads (%.1f ms per sign-in), by cause (%d JFR samples in %s):%n",
                requestThreads, total, recording);
        samples.forEach((cause, n) -> System.out.printf("    %-48s %5.1f %%  %6.1f ms%n", cause, 100.0 * n / total,
                requestThreads * n / total));
    }
}
