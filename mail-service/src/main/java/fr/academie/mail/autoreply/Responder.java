package fr.academie.mail.autoreply;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.mime.AutomaticMessages;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.outbound.Onward;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.james.mime4j.dom.address.Mailbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a message arriving, for the page's auto-reply and for Sieve's {@code vacation} alike: never where RFC 3834
 * says not to ({@link ReplyExclusions}), nor to a message that went to Indésirables or the trash, and once per sender
 * per {@code days} for each responder ({@code handle}: "" for the page's, one per vacation command). The reply is
 * written now and queued; {@link fr.academie.mail.outbound.OnwardDispatcher} sends it once the delivery commits, with
 * no envelope sender (RFC 3834 §3.3, RFC 5230 §5.1: nothing answers or bounces an automatic reply).
 */
@ApplicationScoped
public class Responder {

    /**
     * A responder: its handle, its From:, the reply's subject, its text (and another for senders outside the académie,
     * null: the same), how often one sender is answered.
     */
    public record Reply(String handle, Mailbox from, String subject, String text, String externalText, int days) {

        String text(boolean academie) {
            return academie || externalText == null || externalText.isBlank() ? text : externalText;
        }
    }

    private final FolderService folders;
    private final MailConfig config;

    public Responder(FolderService folders, MailConfig config) {
        this.folders = folders;
        this.config = config;
    }

    /**
     * Answers the message when it may be: to whom the reply went; empty when none did. A trial ({@link
     * Arrival#replayed()}) says whom it would answer, and neither writes nor remembers anything.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> answer(Arrival arrival, Reply reply) {
        if (arrival.folderId().equals(folders.systemFolderId(arrival.ownerId(), SystemFolder.JUNK))
                || arrival.folderId().equals(folders.systemFolderId(arrival.ownerId(), SystemFolder.TRASH))) {
            return Optional.empty();
        }
        Optional<String> sender = ReplyExclusions.recipient(arrival.message(), reply.from().getAddress());
        if (sender.isEmpty() || arrival.replayed()) {
            return sender;
        }
        Instant now = Instant.now();
        if (!firstSince(arrival.ownerId(), reply.handle(), sender.get(), now.minus(Duration.ofDays(reply.days())), now)) {
            return Optional.empty();
        }
        Onward.queue(arrival.ownerId(), Onward.Kind.REPLY, "", sender.get(),
                write(reply, sender.get(), arrival.message()), false, null);
        return sender;
    }

    /** Notes the answer to this sender, unless one went out since {@code cutoff} (two deliveries at once: one wins). */
    private static boolean firstSince(String ownerId, String handle, String sender, Instant cutoff, Instant now) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into auto_reply_sent (owner_id, handle, sender, sent_at) values (?1, ?2, ?3, ?4)
                        on conflict (owner_id, handle, sender) do update set sent_at = excluded.sent_at
                        where auto_reply_sent.sent_at <= ?5""")
                .setParameter(1, ownerId).setParameter(2, handle).setParameter(3, sender).setParameter(4, now)
                .setParameter(5, cutoff).executeUpdate() == 1;
    }

    /** The reply (RFC 3834 §3): Auto-Submitted: auto-replied, In-Reply-To and References of the message answered. */
    private byte[] write(Reply reply, String to, ParsedMessage answered) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("To", to);
        fields.put("Auto-Submitted", "auto-replied");
        if (answered.messageId() != null) {
            fields.put("In-Reply-To", answered.messageId());
            fields.put("References", ((answered.references() == null ? "" : answered.references() + " ")
                    + answered.messageId()).strip());
        }
        return AutomaticMessages.write(reply.from(), reply.subject(), "<" + UUID.randomUUID() + ".auto@" + config.domain() + ">",
                reply.text(config.isAcademie(to)), fields);
    }
}
