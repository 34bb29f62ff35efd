package fr.academie.mail.autoreply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An auto-reply written at delivery, waiting to be sent by {@link AutoReplySending}. */
@Entity
@Table(name = "auto_reply_queue")
public class AutoReplyQueued extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(nullable = false)
    public String sender;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public byte[] source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
