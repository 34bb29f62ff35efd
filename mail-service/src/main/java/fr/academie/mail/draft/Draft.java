package fr.academie.mail.draft;

import fr.academie.mail.mime.ParsedMessage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message being written: saved as the person types, and, once "envoyer" is pressed, waiting for its time to
 * leave (the undo window or the date chosen); {@link #sendAt} tells which.
 */
@Entity
@Table(name = "draft")
public class Draft extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Recipients recipients = Recipients.NONE;

    @Column(name = "from_name")
    public String fromName;

    @Column(name = "from_address")
    public String fromAddress;

    @Column(nullable = false)
    public String subject = "";

    @Column(name = "body_html", nullable = false)
    public String bodyHtml = "";

    @Column(name = "reply_to_id")
    public UUID replyToId;

    @Column(name = "forward_id")
    public UUID forwardId;

    @Column(name = "send_at")
    public Instant sendAt;

    @Column(name = "send_error")
    public String sendError;

    /** Two tabs saving the same draft: the second learns it would overwrite the first (409). */
    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** To, Cc and Bcc as the person wrote them. */
    public record Recipients(List<ParsedMessage.Address> to, List<ParsedMessage.Address> cc,
                             List<ParsedMessage.Address> bcc) {

        static final Recipients NONE = new Recipients(List.of(), List.of(), List.of());

        public List<ParsedMessage.Address> all() {
            List<ParsedMessage.Address> all = new ArrayList<>(to);
            all.addAll(cc);
            all.addAll(bcc);
            return all;
        }
    }

    public boolean scheduled() {
        return sendAt != null;
    }

    static Optional<Draft> ofOwner(String ownerId, UUID id) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }
}
