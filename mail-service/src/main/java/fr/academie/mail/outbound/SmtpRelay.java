package fr.academie.mail.outbound;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.mime.MimeParser;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.mime.PartExtractor;
import fr.academie.mail.store.MessageSources;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Hands the queued messages to the académie's outbound SMTP relay (Quarkus Mailer): the envelope names only the
 * addresses outside the académie, the headers are the message's own (To and Cc list everyone, same Message-ID and
 * Date as the sender's copy). A refusal for now (4xx, relay unreachable) is retried with a doubling delay; a
 * final one (5xx), or the last attempt, sends the sender a non-delivery report.
 */
@ApplicationScoped
public class SmtpRelay {

    private static final Logger LOG = Logger.getLogger(SmtpRelay.class);
    /**
     * The message's own header fields the relayed copy keeps, as written (already encoded); Auto-Submitted: tells the
     * other side's responders not to answer an auto-reply (RFC 3834).
     */
    private static final Set<String> KEPT_HEADERS = Set.of("from", "to", "cc", "subject", "date", "message-id",
            "in-reply-to", "references", "auto-submitted");

    private final Mailer mailer;
    private final VerbatimSmtp verbatim;
    private final DkimSignature dkim;
    private final MessageSources sources;
    private final Bounces bounces;
    private final MailConfig config;

    public SmtpRelay(Mailer mailer, VerbatimSmtp verbatim, DkimSignature dkim, MessageSources sources, Bounces bounces,
                     MailConfig config) {
        this.mailer = mailer;
        this.verbatim = verbatim;
        this.dkim = dkim;
        this.sources = sources;
        this.bounces = bounces;
        this.config = config;
    }

    /** Queues the message for the relay, in the caller's transaction: it leaves once that commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(String ownerId, String sender, List<String> recipients, InputStream message) {
        queue(ownerId, sender, recipients, message, false);
    }

    /**
     * Queues a message received, to leave as it is (its header and body byte for byte, so that its DKIM signatures
     * still hold), under this envelope sender ("" for none).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueVerbatim(String ownerId, String sender, String recipient, InputStream message) {
        queue(ownerId, sender, List.of(recipient), message, true);
    }

    private void queue(String ownerId, String sender, List<String> recipients, InputStream message, boolean verbatim) {
        Outbound outbound = new Outbound();
        outbound.verbatim = verbatim;
        outbound.id = UUID.randomUUID();
        outbound.ownerId = ownerId;
        outbound.sender = sender;
        outbound.recipients = List.copyOf(recipients);
        outbound.createdAt = Instant.now();
        outbound.nextAttemptAt = outbound.createdAt;
        outbound.persist();
        Panache.getEntityManager().flush(); // the source's rows refer to the queued message
        sources.write(MessageSources.Table.OUTBOUND, outbound.id, message);
    }

    @Scheduled(identity = "relay-outbound", every = "2s", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayDue() {
        for (UUID id : due()) {
            relay(id);
        }
    }

    @Transactional
    List<UUID> due() {
        return Outbound.<Outbound>find("nextAttemptAt <= ?1 order by nextAttemptAt", Instant.now()).page(0, 50).list()
                .stream().map(o -> o.id).toList();
    }

    /** One attempt, the row locked meanwhile (a second instance skips it). */
    @Transactional
    void relay(UUID id) {
        List<?> locked = Panache.getEntityManager().createNativeQuery(
                        "select id from outbound where id = ?1 and next_attempt_at <= ?2 for update skip locked")
                .setParameter(1, id).setParameter(2, Instant.now()).getResultList();
        if (locked.isEmpty()) {
            return;
        }
        Outbound outbound = Outbound.findById(id);
        List<Path> files = new ArrayList<>();
        try {
            if (outbound.verbatim) {
                sendVerbatim(outbound);
            } else {
                mailer.send(mail(outbound, files));
            }
            outbound.delete();
        } catch (RuntimeException e) {
            failed(outbound, e);
        } finally {
            files.forEach(SmtpRelay::deleteQuietly);
        }
    }

    private void sendVerbatim(Outbound outbound) {
        try (InputStream in = sources.open(MessageSources.Table.OUTBOUND, outbound.id)) {
            verbatim.send(outbound.sender, outbound.recipients, new ByteArrayInputStream(dkim.sign(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void failed(Outbound outbound, RuntimeException e) {
        SMTPException smtp = smtpCause(e);
        outbound.attempts++;
        outbound.lastError = cut(smtp != null ? smtp.getReplyCode() + " " + smtp.getMessage() : String.valueOf(e.getMessage()));
        boolean permanent = smtp != null ? smtp.isPermanent() : e instanceof VerbatimSmtp.Refused refused && refused.permanent();
        if (permanent || outbound.attempts >= config.relay().attempts()) {
            LOG.warnf("Relay gave up on %s after %d attempts: %s", outbound.id, outbound.attempts, outbound.lastError);
            if (outbound.sender.isEmpty()) { // an automatic reply, a bounce forwarded: never bounced (RFC 5321 §4.5.5)
                outbound.delete();
                return;
            }
            ParsedMessage message = parse(outbound);
            String reason = permanent ? "le serveur du destinataire a refusé le message (" + outbound.lastError + ")."
                    : "le serveur du destinataire n'a pas pu être joint, malgré plusieurs essais.";
            bounces.report(outbound.ownerId, message.subject(), message.messageId(), outbound.createdAt,
                    outbound.recipients.stream().map(r -> new Bounces.Failure(r, reason)).toList(), config.domain());
            outbound.delete();
        } else {
            long delay = config.relay().retryDelay().toMillis() << Math.min(outbound.attempts - 1, 16);
            outbound.nextAttemptAt = Instant.now().plusMillis(delay);
            LOG.infof("Relay will retry %s in %d s: %s", outbound.id, delay / 1000, outbound.lastError);
        }
    }

    /** The queued message as Quarkus Mailer sends it: its parts, and its own header fields over the generated ones. */
    private Mail mail(Outbound outbound, List<Path> files) {
        ParsedMessage message = parse(outbound);
        Mail mail = new Mail().setFrom(outbound.sender).setBounceAddress(outbound.sender)
                .setTo(outbound.recipients).setSubject(message.subject());
        if (message.text() != null) {
            mail.setText(message.text());
        }
        if (message.html() != null) {
            mail.setHtml(message.html());
        }
        headers(outbound).forEach((name, value) -> mail.addHeader(name, value));
        for (ParsedMessage.Part part : message.attachments()) {
            Path file = extract(outbound, part.index());
            files.add(file);
            mail.addAttachment(part.fileName(), file.toFile(), part.contentType());
        }
        return mail;
    }

    /** The top-level header fields kept, unfolded, as they were written. */
    private Map<String, String> headers(Outbound outbound) {
        Map<String, String> headers = new LinkedHashMap<>();
        MimeTokenStream stream = new MimeTokenStream(MimeParser.CONFIG);
        try (InputStream in = sources.open(MessageSources.Table.OUTBOUND, outbound.id)) {
            stream.parse(in);
            for (EntityState state = stream.getState(); state != EntityState.T_END_HEADER && state != EntityState.T_END_OF_STREAM;
                 state = stream.next()) {
                if (state == EntityState.T_FIELD) {
                    Field field = stream.getField();
                    String name = field.getName();
                    if (KEPT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        headers.put(name, field.getBody().replaceAll("\r?\n(?=[ \t])", "").strip());
                    }
                }
            }
        } catch (IOException | MimeException e) {
            throw new IllegalStateException("Cannot read the queued message " + outbound.id, e);
        }
        return headers;
    }

    private ParsedMessage parse(Outbound outbound) {
        try (InputStream in = sources.open(MessageSources.Table.OUTBOUND, outbound.id)) {
            return MimeParser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path extract(Outbound outbound, int index) {
        try {
            Path file = Files.createTempFile("relay", ".part");
            try (InputStream in = sources.open(MessageSources.Table.OUTBOUND, outbound.id);
                 OutputStream out = Files.newOutputStream(file)) {
                PartExtractor.copy(in, index, out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SMTPException smtpCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static String cut(String value) {
        return value.length() <= 500 ? value : value.substring(0, 500);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Temporary file %s not deleted: %s", file, e.getMessage());
        }
    }
}
