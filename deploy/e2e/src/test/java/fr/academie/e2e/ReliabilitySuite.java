package fr.academie.e2e;

import fr.academie.stack.Service;
import fr.academie.stack.testing.TestStack;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The reliability suite: {@code soak.people} people (200) browse through the gateway at {@code soak.rate} requests/s
 * (40) for {@code soak.minutes} (10), then as long again while every part fails in turn (each service and the gateway
 * killed, and started again by {@code ./run}'s supervisor; PostgreSQL restarted; Keycloak away for a minute); reports the rate, the percentiles by route
 * and every failure by route and cause, checks that nobody was signed out, that every write answered 2xx is stored
 * and that each Colibris notification reached its mailbox once. Exits 1 when the quiet soak had a failure or a check
 * does not hold. Run: {@code ./mvnw -pl deploy/e2e -am -Preliability verify -DskipTests}.
 */
public final class ReliabilitySuite {

    /** 200 people signing in from one address would be stopped by the abuse protection, as it should: not here. */
    static final Map<String, String> SET_UP = Map.of("gateway.rate-limit.sign-in-per-address", "100000/PT1M");

    private ReliabilitySuite() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("soak.people", 200);
        int rate = Integer.getInteger("soak.rate", 40);
        Duration phase = Duration.ofMinutes(Integer.getInteger("soak.minutes", 10));
        URI gateway = URI.create(TestStack.get().gateway(SET_UP));
        boolean held;
        try (Soak soak = new Soak(gateway, people); AutoCloseable supervision = TestStack.get().supervised()) {
            System.out.printf("%d people signed in, each from their own address; %d requests/s%n", people, rate);
            soak.run(Duration.ofSeconds(30), rate);
            soak.report("Warm-up", Duration.ofSeconds(30));
            soak.run(phase, rate);
            int quietFailures = soak.failures();
            soak.report("Soak", phase);

            List<Faults.Fault> faults = List.of(Faults.crash(Service.MAIL), Faults.crash(Service.IPROF),
                    Faults.crash(Service.COLIBRIS), Faults.crash(Service.GATEWAY), Faults.restartPostgres(),
                    Faults.keycloakAway(Duration.ofMinutes(1)));
            System.out.printf("%nFaults, one every %d s:%n", phase.toSeconds() / (faults.size() + 1));
            Thread faulting = Faults.during(faults, phase.dividedBy(faults.size() + 1).minusSeconds(10));
            soak.run(phase, rate);
            faulting.join();
            soak.report("Soak with faults", phase);
            int signedOut = soak.signedOut();
            System.out.printf("%nSessions that no longer work after it all: %d of %d%n", signedOut, people);
            List<String> problems = soak.check();
            held = quietFailures == 0 && signedOut == 0 && problems.isEmpty();
        }
        System.out.println(held ? "\nThe suite holds." : "\nThe suite does NOT hold (see above).");
        System.exit(held ? 0 : 1);
    }
}
