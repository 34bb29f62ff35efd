package fr.academie.mail.draft;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A file attached to a draft; its bytes are in draft_attachment_chunk, counted against the owner's quota. */
@Entity
@Table(name = "draft_attachment")
public class DraftAttachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "draft_id", nullable = false)
    public UUID draftId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The bytes the draft's attachments hold (and charge to the quota). */
    public static long bytesOf(UUID draftId) {
        return ((Number) getEntityManager().createQuery(
                "select coalesce(sum(sizeBytes), 0) from DraftAttachment where draftId = ?1")
                .setParameter(1, draftId).getSingleResult()).longValue();
    }

    public static List<DraftAttachment> of(UUID draftId) {
        return list("draftId = ?1 order by createdAt, id", draftId);
    }
}
