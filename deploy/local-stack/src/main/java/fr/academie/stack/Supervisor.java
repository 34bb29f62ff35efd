package fr.academie.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code ./run}'s watch over what it started. A service or Keycloak that ends by itself is started again (one at a
 * time, after the wait {@link Restarts} gives), each event said in one French line naming the log to read; one that
 * keeps ending is left stopped, with why. PostgreSQL ending stops the whole portal: nothing can work without it.
 * The test stack lends it to the reliability suite ({@code TestStack.supervised}).
 */
public final class Supervisor implements AutoCloseable {

    /** A watched part: its name, and how to start it again (returning once it is ready). */
    public record Part(String name, Supplier<ChildProcess> start) {
    }

    private final PrintStream console;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "portail-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public Supervisor(PrintStream console) {
        this.console = console;
    }

    /** Watches the running process of the part, and each process that replaces it. */
    public void watch(Part part, ChildProcess running) {
        follow(part, new Restarts(), running);
    }

    /** When PostgreSQL ends, says so and runs {@code stop} (which ends the portal). */
    void watchPostgres(Postgres postgres, String log, Runnable stop) {
        postgres.onExit().thenRun(() -> {
            if (!closed) {
                console.println("PostgreSQL s'est arrêté : rien ne fonctionne sans lui, le portail s'arrête. Journal : "
                        + log);
                stop.run();
            }
        });
    }

    private void follow(Part part, Restarts policy, ChildProcess running) {
        running.onExit().thenAccept(code -> ended(part, policy, running, "code " + code));
    }

    private void ended(Part part, Restarts policy, ChildProcess last, String how) {
        if (closed) {
            return;
        }
        Optional<Duration> wait = policy.afterEndAt(Instant.now());
        if (wait.isEmpty()) {
            console.printf("%s s'est arrêté %d fois en %d minutes : il n'est plus redémarré. Lisez %s, puis relancez"
                    + " ./run.%n", part.name(), Restarts.MOST, Restarts.WINDOW.toMinutes(), last.log());
            return;
        }
        console.printf("%s s'est arrêté (%s) ; redémarrage dans %d s. Journal : %s%n", part.name(), how,
                wait.get().toSeconds(), last.log());
        restarts.schedule(() -> restart(part, policy, last), wait.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(Part part, Restarts policy, ChildProcess last) {
        if (closed) {
            return;
        }
        Instant started = Instant.now();
        try {
            ChildProcess next = part.start().get();
            console.printf(Locale.FRANCE, "%s a redémarré (prêt en %.1f s).%n", part.name(),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);
            follow(part, policy, next);
        } catch (RuntimeException e) { // it stopped again while starting, or never got ready
            ended(part, policy, last, "au démarrage");
        }
    }

    @Override
    public void close() {
        closed = true;
        restarts.shutdownNow();
    }
}
