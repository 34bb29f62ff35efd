package fr.academie.mail.delivery;

import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.message.Attachment;
import fr.academie.mail.message.Message;
import fr.academie.mail.mime.MimeParser;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.quota.Quotas;
import fr.academie.mail.store.MessageSources;
import fr.academie.mail.store.Spool;
import fr.academie.mail.thread.Threads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one way into a mailbox. Every message (a notification, an import, a message sent to an académie address,
 * later SMTP) is read from its bytes, goes through the {@link DeliveryStep}s, is counted against the quota and
 * stored (its source, its fields, its attachments, its conversation) in one transaction per message: all of it, or
 * nothing. The sender's own copy of what they sent is stored the same way, without the steps.
 */
@ApplicationScoped
public class DeliveryPipeline {

    private final Quotas quotas;
    private final MessageSources sources;
    private final List<DeliveryStep> steps;
    private final Threads threads;
    private final LabelService labels;
    /** Delivered mail by where it came from: the internet (the MX's verdict), the portal's services, the académie. */
    private final Counter fromInternet;
    private final Counter fromPortal;
    private final Counter fromAcademie;

    public DeliveryPipeline(Quotas quotas, MessageSources sources, Instance<DeliveryStep> steps, Threads threads,
                            LabelService labels, MeterRegistry metrics) {
        this.quotas = quotas;
        this.fromInternet = delivered(metrics, "internet");
        this.fromPortal = delivered(metrics, "portal");
        this.fromAcademie = delivered(metrics, "academie");
        this.labels = labels;
        this.sources = sources;
        this.threads = threads;
        this.steps = steps.stream().sorted(Comparator.comparingInt(DeliveryStep::order)).toList();
    }

    /**
     * Where a message goes before the steps run (a folder of the owner's), whether it starts unread, whether
     * it is dated by its Date header rather than by now (imported mail keeps its place in time), and, for mail from
     * the internet, what the MX learnt of its sender (null otherwise), whether the portal's own services sent it, and
     * the envelope's sender where one is known ("" for none: a bounce, an automatic message; null: its From address).
     */
    public record Destination(String ownerId, UUID folderId, boolean unread, boolean datedBySender, Verdict verdict,
                              boolean fromPortal, String sender) {

        public Destination(String ownerId, UUID folderId, boolean unread, boolean datedBySender, Verdict verdict) {
            this(ownerId, folderId, unread, datedBySender, verdict, false, null);
        }

        public Destination(String ownerId, UUID folderId, boolean unread, boolean datedBySender) {
            this(ownerId, folderId, unread, datedBySender, null, false, null);
        }

        /** A notification of the portal's own services (Colibris, I-Prof), into the inbox, unread. */
        public static Destination portalNotice(String ownerId, UUID inboxId) {
            return new Destination(ownerId, inboxId, true, false, null, true, "");
        }

        /** An automatic message (a non-delivery report, an auto-reply, a notice) into the inbox, unread: no sender. */
        public static Destination automatic(String ownerId, UUID inboxId) {
            return new Destination(ownerId, inboxId, true, false, null, false, "");
        }
    }

    /** What became of a message: stored, or skipped as a copy of one the mailbox holds (the same bytes). */
    public record Result(Message message, boolean duplicate) {
    }

    /** Stores the message, even when the mailbox already holds one with its Message-ID. */
    @Transactional
    public Message deliver(Destination destination, Spool source) {
        return store(destination, source, parse(source), true);
    }

    /**
     * Stores a message where it is said, without the steps: the person's own (the copy of what they sent), or a notice
     * about her own rules (which they must not file or forward).
     */
    @Transactional
    public Message keep(Destination destination, Spool source) {
        return store(destination, source, parse(source), false);
    }

    /**
     * Stores the message unless the mailbox already holds these very bytes (an mbox imported twice, demo mail loaded
     * again). A message that only shares its Message-ID with one of the mailbox's is stored: real mail reuses them.
     */
    @Transactional
    public Result deliverUnlessPresent(Destination destination, Spool source) {
        ParsedMessage parsed = parse(source);
        Optional<Message> copy = sameBytes(destination.ownerId(), parsed.messageId(), source);
        return copy.map(existing -> new Result(existing, true))
                .orElseGet(() -> new Result(store(destination, source, parsed, true), false));
    }

    /** The owner's message whose source is this one byte for byte, among those of its size and Message-ID. */
    private Optional<Message> sameBytes(String ownerId, String messageId, Spool source) {
        try (Stream<Message> candidates = messageId == null
                ? Message.<Message>stream("ownerId = ?1 and messageIdHeader is null and sizeBytes = ?2", ownerId, source.size())
                : Message.<Message>stream("ownerId = ?1 and messageIdHeader = ?2 and sizeBytes = ?3", ownerId,
                        MessageFields.cut(messageId, 998), source.size())) {
            return candidates.filter(candidate -> sameContent(sources.open(candidate.id), source.open())).findFirst();
        }
    }

    private static boolean sameContent(InputStream stored, InputStream arriving) {
        try (stored; arriving) {
            while (true) {
                byte[] a = stored.readNBytes(8192);
                byte[] b = arriving.readNBytes(8192);
                if (!Arrays.equals(a, b)) {
                    return false;
                }
                if (a.length == 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Message store(Destination destination, Spool source, ParsedMessage parsed, boolean incoming) {
        Instant received = destination.datedBySender() && parsed.date() != null ? parsed.date() : Instant.now();
        Arrival arrival = new Arrival(destination, parsed, source, received);
        if (incoming) {
            steps.forEach(step -> step.apply(arrival));
        }
        quotas.charge(arrival.ownerId(), source.size());
        Message message = MessageFields.of(arrival);
        message.threadId = threads.of(message);
        message.persist();
        Panache.getEntityManager().flush(); // the source's rows refer to the message's
        try (InputStream in = source.open()) {
            sources.write(message.id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        arrival.labels().forEach(label -> labels.attach(label, List.of(message.id))); // a rule's labels
        for (ParsedMessage.Part part : parsed.attachments()) {
            Attachment attachment = new Attachment();
            attachment.id = UUID.randomUUID();
            attachment.messageId = message.id;
            attachment.partIndex = part.index();
            attachment.fileName = arrival.fileName(part);
            attachment.contentType = MessageFields.cut(part.contentType(), 255);
            attachment.sizeBytes = part.size();
            attachment.contentId = MessageFields.cut(part.contentId(), 998);
            attachment.inline = part.inline();
            attachment.persist();
        }
        if (incoming) {
            (destination.verdict() != null ? fromInternet : destination.fromPortal() ? fromPortal : fromAcademie).increment();
        }
        return message;
    }

    private static Counter delivered(MeterRegistry metrics, String origin) {
        return Counter.builder("portail.mail.delivered").tag("origin", origin)
                .description("Messages delivered to a mailbox through the pipeline's steps").register(metrics);
    }

    private static ParsedMessage parse(Spool source) {
        try (InputStream in = source.open()) {
            return MimeParser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
