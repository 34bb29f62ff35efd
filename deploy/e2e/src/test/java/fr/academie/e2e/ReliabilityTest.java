package fr.academie.e2e;

import fr.academie.stack.Service;
import fr.academie.stack.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reliability suite's short version (the whole one: {@link ReliabilitySuite}): 20 people, each from their own
 * address, browse through the gateway for 40 s without a failure, then go on while Colibris is killed (and started
 * again by {@code ./run}'s supervisor), the gateway too, and PostgreSQL restarted: nobody is signed out, no answer is
 * a 500, every write answered 2xx is stored and every notification of a request submitted reaches its mailbox once.
 */
class ReliabilityTest {

    @Test
    void peopleBrowsingThroughCrashesAndRestartsLoseNothingAndStaySignedIn() throws Exception {
        URI gateway = URI.create(TestStack.get().gateway(Map.of()));
        try (Soak soak = new Soak(gateway, 20); AutoCloseable supervision = TestStack.get().supervised()) {
            soak.run(Duration.ofSeconds(40), 10);
            assertEquals(Map.of(), soak.failuresByCause(), "no failure while nothing fails");
            soak.report("Soak", Duration.ofSeconds(40));

            Thread faults = Faults.during(List.of(Faults.crash(Service.COLIBRIS), Faults.crash(Service.GATEWAY),
                    Faults.restartPostgres()), Duration.ofSeconds(10));
            soak.run(Duration.ofSeconds(60), 10);
            faults.join();
            Map<String, Integer> failures = soak.failuresByCause();
            soak.report("Soak with faults", Duration.ofSeconds(60));
            assertTrue(failures.keySet().stream().noneMatch(cause -> cause.endsWith("→ 500") || cause.endsWith("→ 401")),
                    () -> "a failure other than a part being away: " + failures);
            assertEquals(0, soak.signedOut(), "sessions that no longer work after the gateway's restart");
            assertEquals(List.of(), soak.check());
        }
    }
}
