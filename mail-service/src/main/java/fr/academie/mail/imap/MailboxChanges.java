package fr.academie.mail.imap;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The journal of mailbox changes that the database writes at every delivery, move, flag and deletion (table
 * {@code mailbox_change}, migration V17): IMAP sessions learn from it what another door changed. A session that has
 * not asked for ten minutes gets the folder's state afresh at its next command, so older entries are forgotten.
 */
@ApplicationScoped
public class MailboxChanges {

    private static final Logger LOG = Logger.getLogger(MailboxChanges.class);
    /** Rows deleted per statement: a long backlog goes in short transactions. */
    private static final int BATCH = 10_000;

    @Scheduled(identity = "forget-mailbox-changes", every = "1m", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldChanges() {
        int forgotten = 0;
        for (int deleted = BATCH; deleted == BATCH; forgotten += deleted) {
            deleted = forgetBatch();
        }
        if (forgotten > 0) {
            LOG.debugf("Forgot %d mailbox changes older than ten minutes", forgotten);
        }
    }

    @Transactional
    int forgetBatch() {
        return Panache.getEntityManager().createNativeQuery("delete from mailbox_change where seq in (select seq from "
                + "mailbox_change where at < now() - interval '10 minutes' order by seq limit ?1)")
                .setParameter(1, BATCH).executeUpdate();
    }
}
