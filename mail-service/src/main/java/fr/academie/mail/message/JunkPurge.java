package fr.academie.mail.message;

import fr.academie.mail.config.MailConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Empties Indésirables of the messages older than {@code mail.junk-kept} (30 days), every
 * {@code mail.junk-purge-every} (an hour), a batch at a time.
 */
@ApplicationScoped
public class JunkPurge {

    private static final int BATCH = 500;
    /** Batches per run: the next run goes on after so many. */
    private static final int ROUNDS = 20;

    private final MessageActions actions;
    private final MailConfig config;

    public JunkPurge(MessageActions actions, MailConfig config) {
        this.actions = actions;
        this.config = config;
    }

    @Scheduled(identity = "mail-junk-purge", every = "${mail.junk-purge-every}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purge(Instant.now());
    }

    /** Deletes what is older than the period at {@code now}; how many messages. */
    public int purge(Instant now) {
        Instant cutoff = now.minus(config.junkKept());
        int deleted = 0;
        for (int round = 0, batch = BATCH; round < ROUNDS && batch == BATCH; round++) {
            batch = actions.purgeJunk(cutoff, BATCH);
            deleted += batch;
        }
        return deleted;
    }
}
