package fr.academie.mail.autoreply;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.delivery.DeliveryStep;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.RuleTrace;
import fr.academie.mail.mime.AutomaticMessages;
import fr.academie.mail.mime.ParsedMessage;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.james.mime4j.dom.address.Mailbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The person's auto-reply, after her rules: a message arriving in her period is answered, unless RFC 3834 says not to
 * ({@link ReplyExclusions}), it went to Indésirables or the trash, or its sender had an answer in the last
 * {@code days}. The reply is written now and queued; {@link AutoReplySending} sends it once the delivery commits.
 */
@ApplicationScoped
public class AutoReplyStep implements DeliveryStep {

    private final FolderService folders;
    private final MailConfig config;

    public AutoReplyStep(FolderService folders, MailConfig config) {
        this.folders = folders;
        this.config = config;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void apply(Arrival arrival) {
        if (arrival.imported()) {
            return;
        }
        Instant now = Instant.now();
        AutoReply reply = AutoReply.findById(arrival.ownerId());
        if (reply == null || !reply.activeAt(now) || arrival.folderId().equals(folders.systemFolderId(arrival.ownerId(), SystemFolder.JUNK))
                || arrival.folderId().equals(folders.systemFolderId(arrival.ownerId(), SystemFolder.TRASH))) {
            return;
        }
        Optional<String> sender = ReplyExclusions.recipient(arrival.message(), reply.fromAddress);
        if (sender.isEmpty() || !firstSince(reply, sender.get(), now.minus(Duration.ofDays(reply.days)), now)) {
            return;
        }
        AutoReplyQueued queued = new AutoReplyQueued();
        queued.id = UUID.randomUUID();
        queued.ownerId = reply.ownerId;
        queued.sender = reply.fromAddress;
        queued.recipient = sender.get();
        queued.source = write(reply, sender.get(), arrival.message());
        queued.createdAt = now;
        queued.persist();
        arrival.trace(new RuleTrace(null, 0, "réponse automatique envoyée à " + sender.get()));
    }

    /** Notes the answer to this sender, unless one went out since {@code cutoff} (two deliveries at once: one wins). */
    private static boolean firstSince(AutoReply reply, String sender, Instant cutoff, Instant now) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into auto_reply_sent (owner_id, sender, sent_at) values (?1, ?2, ?3)
                        on conflict (owner_id, sender) do update set sent_at = excluded.sent_at
                        where auto_reply_sent.sent_at <= ?4""")
                .setParameter(1, reply.ownerId).setParameter(2, sender).setParameter(3, now).setParameter(4, cutoff)
                .executeUpdate() == 1;
    }

    /** The reply (RFC 3834 §3): Auto-Submitted: auto-replied, In-Reply-To and References of the message answered. */
    private byte[] write(AutoReply reply, String to, ParsedMessage answered) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("To", to);
        fields.put("Auto-Submitted", "auto-replied");
        if (answered.messageId() != null) {
            fields.put("In-Reply-To", answered.messageId());
            fields.put("References", ((answered.references() == null ? "" : answered.references() + " ")
                    + answered.messageId()).strip());
        }
        int at = reply.fromAddress.lastIndexOf('@');
        Mailbox from = new Mailbox(reply.fromName, reply.fromAddress.substring(0, at), reply.fromAddress.substring(at + 1));
        return AutomaticMessages.write(from, reply.subject, "<" + UUID.randomUUID() + ".auto@" + config.domain() + ">",
                reply.text(config.isAcademie(to)), fields);
    }
}
