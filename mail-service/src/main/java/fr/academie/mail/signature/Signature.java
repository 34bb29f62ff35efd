package fr.academie.mail.signature;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One of a person's signatures (sanitised HTML); one may be the default for new mail, one for replies. */
@Entity
@Table(name = "signature")
public class Signature extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(nullable = false)
    public String name;

    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @Column(name = "default_new", nullable = false)
    public boolean defaultNew;

    @Column(name = "default_reply", nullable = false)
    public boolean defaultReply;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Optional<Signature> ofOwner(String ownerId, UUID id) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }
}
