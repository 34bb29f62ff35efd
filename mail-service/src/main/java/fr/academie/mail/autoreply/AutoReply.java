package fr.academie.mail.autoreply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A person's auto-reply: on, between two instants (either may be open), with a subject and a text for senders of the
 * académie and another for the rest (null: the same), sent once per sender per {@code days}.
 */
@Entity
@Table(name = "auto_reply")
public class AutoReply extends PanacheEntityBase {

    @Id
    @Column(name = "owner_id")
    public String ownerId;

    public boolean enabled;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(nullable = false)
    public String subject;

    @Column(name = "internal_text", nullable = false)
    public String internalText;

    @Column(name = "external_text")
    public String externalText;

    public int days;

    @Column(name = "from_name", nullable = false)
    public String fromName;

    @Column(name = "from_address", nullable = false)
    public String fromAddress;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether it answers a message arriving at that instant. */
    public boolean activeAt(Instant instant) {
        return enabled && (startsAt == null || !instant.isBefore(startsAt)) && (endsAt == null || instant.isBefore(endsAt));
    }
}
