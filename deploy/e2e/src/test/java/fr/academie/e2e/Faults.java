package fr.academie.e2e;

import fr.academie.stack.Service;
import fr.academie.stack.testing.TestStack;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What goes wrong in production, done to the test stack while people use it: a part killed (SIGKILL) and started
 * again by {@code ./run}'s supervisor (the test stack {@link TestStack#supervised supervised}); PostgreSQL restarted;
 * Keycloak stopped for a while. One after the other on a thread of their own, evenly spaced.
 */
final class Faults {

    /** One fault, named as the report says it. */
    record Fault(String name, Action action) {
    }

    interface Action {
        void run() throws Exception;
    }

    private Faults() {
    }

    static Fault crash(Service service) {
        return new Fault("kill -9 " + service.module(), () -> TestStack.get().crash(service));
    }

    static Fault restartPostgres() {
        return new Fault("PostgreSQL restarted", () -> TestStack.get().restartPostgres());
    }

    static Fault keycloakAway(Duration duration) {
        return new Fault("Keycloak stopped for " + duration.toSeconds() + " s", () -> {
            TestStack.get().stopKeycloak();
            try {
                Thread.sleep(duration.toMillis());
            } finally {
                TestStack.get().startKeycloak();
            }
        });
    }

    /** Starts the faults, the first after {@code spacing}, each the next {@code spacing} after the last one ended. */
    static Thread during(List<Fault> faults, Duration spacing) {
        Thread thread = new Thread(() -> {
            try {
                for (Fault fault : faults) {
                    Thread.sleep(spacing.toMillis());
                    System.out.printf("  %s %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), fault.name());
                    fault.action().run();
                    System.out.printf("  %s back%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
                }
            } catch (Exception e) {
                throw new IllegalStateException("a fault could not be done or undone", e);
            }
        }, "faults");
        thread.start();
        return thread;
    }
}
