package fr.academie.mail.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** A part of a message a person can open or download; its bytes stay in the message's source. */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    /** Position among the message's leaf parts, depth first: how the part is found again in the source. */
    @Column(name = "part_index", nullable = false)
    public int partIndex;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "content_id")
    public String contentId;

    @Column(nullable = false)
    public boolean inline;

    public static List<Attachment> of(UUID messageId) {
        return list("messageId = ?1 order by partIndex", messageId);
    }
}
