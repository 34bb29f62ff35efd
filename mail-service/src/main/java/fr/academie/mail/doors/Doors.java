package fr.academie.mail.doors;

import fr.academie.mail.imap.ImapServer;
import fr.academie.mail.managesieve.ManageSieveServer;
import fr.academie.mail.mx.MxServer;
import fr.academie.mail.submission.SubmissionServer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens mail-service's protocol doors at start-up — MX, submission, IMAP, ManageSieve — side by side. Each builds its
 * protocol stack and reads its certificate, independently of the others, mostly loading classes: one after the other
 * they took about a second of the start on one core while the other waited (FirstRequestBenchmark). The service
 * starts once every door is open, and a door that cannot open fails the start, as before.
 */
@ApplicationScoped
class Doors {

    void open(@Observes StartupEvent event, MxServer mx, SubmissionServer submission, ImapServer imap,
              ManageSieveServer sieve) throws Exception {
        List<Callable<Void>> doors = List.of(opening(mx::open), opening(submission::open), opening(imap::open),
                opening(sieve::open));
        AtomicInteger count = new AtomicInteger();
        ExecutorService openers = Executors.newFixedThreadPool(doors.size(),
                task -> new Thread(task, "door-opener-" + count.incrementAndGet()));
        try {
            for (Future<Void> door : openers.invokeAll(doors)) {
                try {
                    door.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            openers.shutdown();
        }
    }

    private static Callable<Void> opening(Door door) {
        return () -> {
            door.open();
            return null;
        };
    }

    /** What opening a door is: it may throw anything (a port taken, a certificate unreadable). */
    @FunctionalInterface
    private interface Door {
        void open() throws Exception;
    }
}
