package fr.academie.mail.outbound;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A message written or passed on during a delivery (an auto-reply, a notice, a forward by the rules), waiting to be
 * sent by {@link OnwardDispatcher} once that delivery has committed: a delivery never waits on another.
 */
@Entity
@Table(name = "onward_queue")
public class Onward extends PanacheEntityBase {

    public enum Kind {
        /** Written by the portal for this recipient (an auto-reply, a notice): sent like the webmail's mail. */
        REPLY,
        /** A message received, forwarded by its owner's rules: sent as received, under its envelope sender. */
        FORWARD,
        /**
         * A notice to the person about her own rules (a loop stopped): into her inbox without the delivery steps, so
         * that the rules it is about neither file nor forward it.
         */
        NOTICE
    }

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The envelope's sender ("" for none). */
    @Column(nullable = false)
    public String sender;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public byte[] source;

    /** Whether the portal's own services wrote the message forwarded: it never leaves the académie. */
    @Column(name = "from_portal", nullable = false)
    public boolean fromPortal;

    /** The rule that forwarded it, named in what its owner is told when it cannot be delivered. */
    @Column
    public String rule;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Queues the message, in the caller's transaction (the delivery's). */
    public static void queue(String ownerId, Kind kind, String sender, String recipient, byte[] source,
                             boolean fromPortal, String rule) {
        Onward onward = new Onward();
        onward.id = UUID.randomUUID();
        onward.ownerId = ownerId;
        onward.kind = kind;
        onward.sender = sender;
        onward.recipient = recipient;
        onward.source = source;
        onward.fromPortal = fromPortal;
        onward.rule = rule;
        onward.createdAt = Instant.now();
        onward.persist();
    }
}
