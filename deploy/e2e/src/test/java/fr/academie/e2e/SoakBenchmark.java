package fr.academie.e2e;

import fr.academie.stack.testing.TestStack;

import java.net.URI;
import java.time.Duration;

/**
 * The portal under a mixed load, nothing failing: {@code soak.people} people (30), each from their own address, browse
 * through the gateway at {@code soak.rate} requests/s (90) for {@code soak.minutes} (5) after a 30 s warm-up, as
 * {@link Soak} does; prints each route's percentiles, the failures and the processor time per request of each part.
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-soak verify -DskipTests} (about 7 minutes).
 */
public final class SoakBenchmark {

    private SoakBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(SoakBenchmark::run);
    }

    private static void run() throws Exception {
        int people = Integer.getInteger("soak.people", 30);
        int rate = Integer.getInteger("soak.rate", 90);
        Duration phase = Duration.ofMinutes(Integer.getInteger("soak.minutes", 5));
        URI gateway = URI.create(TestStack.get().gateway(ReliabilitySuite.SET_UP));
        try (Soak soak = new Soak(gateway, people)) {
            System.out.printf("%d people signed in, each from their own address; %d requests/s%n", people, rate);
            soak.run(Duration.ofSeconds(30), rate);
            soak.report("Warm-up", Duration.ofSeconds(30));
            soak.run(phase, rate);
            soak.report("Soak", phase);
        }
    }
}
