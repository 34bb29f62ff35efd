package fr.academie.colibris.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    /** The account id (token subject) of the person told. */
    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

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
}
