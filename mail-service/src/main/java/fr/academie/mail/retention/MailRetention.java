package fr.academie.mail.retention;

import fr.academie.common.retention.ExpiredRows;
import fr.academie.common.retention.Retention;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.MessageActions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes, nightly, what mail-service keeps no longer ({@code mail.retention.*}): the messages that sat in the trash
 * or in Indésirables for the period (their quota freed), and the records about mail that have served their time. A
 * person's other mail stays as long as she keeps it.
 */
@ApplicationScoped
public class MailRetention {

    private static final Logger LOG = Logger.getLogger(MailRetention.class);
    private static final int BATCH = 500;
    /** Batches of one folder kind per run: the next run goes on after so many. */
    private static final int ROUNDS = 200;

    private final MessageActions actions;
    private final MailConfig.Kept kept;
    private final ExpiredRows rows;
    private final List<Retention> retentions;

    MailRetention(MessageActions actions, MailConfig config, DataSource dataSource) {
        this.actions = actions;
        this.kept = config.retention();
        this.rows = new ExpiredRows(dataSource);
        this.retentions = List.of(
                new Retention("forwarding journal entries", kept.forwardingJournal(), "forwarding_audit", "at"),
                new Retention("revoked application passwords", kept.revokedAppPasswords(), "app_password", "revoked_at"),
                new Retention("auto-reply recipients", kept.autoReplyRecipients(), "auto_reply_sent", "sent_at"),
                new Retention("notification receipts", kept.notificationReceipts(), "notification", "created_at"));
    }

    @Scheduled(identity = "mail-retention", cron = "${portail.retention.cron}", timeZone = "Europe/Paris",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        deleteExpired(Instant.now());
    }

    /** Deletes what has expired at {@code now}; how many messages or rows of each kind. */
    public Map<String, Integer> deleteExpired(Instant now) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("messages in the trash", purge(SystemFolder.TRASH, kept.trash(), now));
        counts.put("messages in Indésirables", purge(SystemFolder.JUNK, kept.junk(), now));
        counts.forEach((kind, count) -> {
            if (count > 0) {
                LOG.infof("Retention: %d %s deleted", count, kind);
            }
        });
        counts.putAll(rows.delete(retentions, now));
        return counts;
    }

    private int purge(SystemFolder folder, Period period, Instant now) {
        Instant cutoff = Retention.cutoff(period, now);
        int deleted = 0;
        for (int round = 0, batch = BATCH; round < ROUNDS && batch == BATCH; round++) {
            batch = actions.purge(folder, cutoff, BATCH);
            deleted += batch;
        }
        return deleted;
    }
}
