package fr.academie.colibris.outbox;

import fr.academie.common.notification.MailNotifier;
import fr.academie.common.telemetry.TraceParents;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the transactional outbox: a message for a person's académie mailbox, written in the same transaction as
 * the change it tells of, delivered later (and again until mail-service takes it). Its id is the idempotency key
 * mail-service receives, so a retry after a lost answer delivers nothing twice.
 */
@Entity
@Table(name = "outbox")
public class Notice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    /** The account id (token subject) of the person told; null on a row for whoever holds {@link #recipientRole}. */
    @Column(name = "recipient_id")
    public String recipientId;

    /** For the deciders of a step: the realm role they hold... */
    @Column(name = "recipient_role")
    public String recipientRole;

    /** ...and their school, when the step is the school's. */
    @Column(name = "recipient_uai")
    public String recipientUai;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_error")
    public String lastError;

    /** The W3C trace context of the change that wrote the row: its delivery joins that trace (null outside one). */
    @Column(name = "trace_parent")
    public String traceParent;

    /** A message to one person, greeted by name above the body ("Bonjour Léna Martin," — "Bonjour," without a name). */
    public static Notice to(UUID requestId, String recipientId, String recipientName, String subject, String body,
                            Instant at) {
        return row(requestId, recipientId, recipientName, subject, MailNotifier.greeting(recipientName) + "\n\n" + body, at);
    }

    /**
     * A message for whoever decides a step: the role, and the school when the step is the school's ({@code uai}). Its
     * text is the body alone: each of them is greeted by name when the row is spread ({@link #forPerson}).
     */
    public static Notice toDeciders(UUID requestId, String role, String uai, String label, String subject, String body,
                                    Instant at) {
        Notice notice = row(requestId, null, label, subject, body, at);
        notice.recipientRole = role;
        notice.recipientUai = uai;
        return notice;
    }

    /**
     * This deciders' row for one of them, greeted by name; its id follows from theirs, so that spreading the row
     * again (after a crash) adds nobody twice.
     */
    Notice forPerson(String personId, String personName, Instant now) {
        Notice copy = to(requestId, personId, personName, subject, text, now);
        copy.id = UUID.nameUUIDFromBytes((id + "/" + personId).getBytes(StandardCharsets.UTF_8));
        copy.traceParent = traceParent;
        return copy;
    }

    private static Notice row(UUID requestId, String recipientId, String recipientName, String subject, String text,
                              Instant at) {
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.requestId = requestId;
        notice.recipientId = recipientId;
        notice.recipientName = recipientName;
        notice.subject = subject;
        notice.text = text;
        notice.createdAt = at;
        notice.nextAttemptAt = at;
        notice.traceParent = TraceParents.current().orElse(null);
        return notice;
    }
}
