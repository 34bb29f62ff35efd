package fr.academie.mail.mx;

import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.forwarding.Forwarder;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.outbound.SmtpRelay;
import fr.academie.mail.store.Spool;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The MX's view of the mailboxes: whose an address is (the académie's directory), whether their mailbox has room,
 * and the delivery of a received message into their inbox through the one delivery pipeline (its own transaction,
 * committed before the MX answers 250). Called from the SMTP server's own threads, hence the request context.
 */
@ApplicationScoped
public class Mailboxes {

    /** Whose the bounces sent back are in the relay's queue: nobody's (they are never reported to anyone). */
    private static final String SRS_OWNER = "srs";

    private final KeycloakDirectory directory;
    private final FolderService folders;
    private final DeliveryPipeline delivery;
    private final Forwarder forwarder;
    private final SmtpRelay relay;
    private final MailConfig config;

    public Mailboxes(KeycloakDirectory directory, FolderService folders, DeliveryPipeline delivery, Forwarder forwarder,
                     SmtpRelay relay, MailConfig config) {
        this.directory = directory;
        this.folders = folders;
        this.delivery = delivery;
        this.forwarder = forwarder;
        this.relay = relay;
        this.config = config;
    }

    /** The sender a bounce to this address goes back to, when it is the SRS address of a forward; empty otherwise. */
    public Optional<String> returnPath(String address) {
        return forwarder.returnPath(address);
    }

    /**
     * Sends a bounce received for a forward's SRS address back to that forward's sender, as it was received, without
     * an envelope sender (a bounce is never bounced): the relay takes it after this transaction commits.
     */
    @ActivateRequestContext
    @Transactional
    public void sendBack(String sender, Spool bounce) {
        try (InputStream in = bounce.open()) {
            relay.queueVerbatim(SRS_OWNER, "", sender, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the address is one of the académie's: the only ones the MX takes mail for (it relays nothing). */
    public boolean isAcademie(String address) {
        return config.isAcademie(address);
    }

    /**
     * The account id that owns the académie address; empty when it is no académie address or nobody's.
     *
     * @throws KeycloakDirectory.Unavailable when the directory cannot answer
     */
    @ActivateRequestContext
    public Optional<String> owner(String address) {
        if (!config.isAcademie(address)) {
            return Optional.empty();
        }
        return directory.byAddress(address).map(KeycloakDirectory.Person::id);
    }

    /** Whether a mailbox can take mail: yes, not now (full lately), or not at all (full for long). */
    public enum Room { YES, FULL, FULL_FOR_LONG }

    /**
     * Whether the mailbox can take a message at all now (it is not full), and if not, whether it has been full for
     * longer than {@code mail.mx.full-refused-for-good-after}: a read at every RCPT, never a write (a mailbox without
     * its row yet is empty; the delivery creates the row). {@code full_since} is kept by a trigger on the counts.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public Room room(String ownerId) {
        List<?> full = Panache.getEntityManager().createNativeQuery("""
                        select full_since < now() - make_interval(secs => ?2) from mailbox
                        where owner_id = ?1 and used_bytes >= quota_bytes""")
                .setParameter(1, ownerId).setParameter(2, (double) config.mx().fullRefusedForGoodAfter().toSeconds())
                .getResultList();
        if (full.isEmpty()) {
            return Room.YES;
        }
        return Boolean.TRUE.equals(full.get(0)) ? Room.FULL_FOR_LONG : Room.FULL;
    }

    /**
     * Stores the message in the owner's inbox (Indésirables when its domain's DMARC policy says quarantine), unread,
     * with what was learnt of its sender ({@code verdict}: the delivery's first step reads its warnings) and the envelope's
     * sender ("" for a bounce), unless the same content (its {@code digest}) reached this
     * mailbox within {@code mail.mx.duplicate-window}: one transaction, the digest and the message together. Two
     * copies arriving at once queue on the digest's row, and the second finds the first. Whether it was stored now.
     */
    @ActivateRequestContext
    @Transactional
    public boolean deliverOnce(String ownerId, Spool message, byte[] digest, Verdict verdict, String sender) {
        int fresh = Panache.getEntityManager().createNativeQuery("""
                        insert into received_digest (owner_id, digest, received_at) values (?1, ?2, now())
                        on conflict (owner_id, digest) do update set received_at = excluded.received_at
                        where received_digest.received_at < now() - make_interval(secs => ?3)""")
                .setParameter(1, ownerId).setParameter(2, digest)
                .setParameter(3, (double) config.mx().duplicateWindow().toSeconds()).executeUpdate();
        if (fresh == 0) {
            return false;
        }
        delivery.deliver(new DeliveryPipeline.Destination(ownerId,
                folders.systemFolderId(ownerId, verdict.disposition() == Verdict.Disposition.JUNK ? SystemFolder.JUNK
                        : SystemFolder.INBOX), true, false, verdict, false, sender), message);
        return true;
    }

    /** Forgets the digests older than the window: the same content would now be a new message. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetOldDigests() {
        Panache.getEntityManager().createNativeQuery(
                        "delete from received_digest where received_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) config.mx().duplicateWindow().toSeconds()).executeUpdate();
    }
}
