package fr.academie.colibris.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A file on a request: a supporting document its type asks for ({@code piece}), or a file of the exchanges
 * ({@code messageId} once its message is sent). Its bytes are in {@link AttachmentContent}.
 */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public HrRequest request;

    @Column(name = "message_id")
    public UUID messageId;

    /** The catalogue's code of the supporting document; null for a file of the exchanges. */
    public String piece;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(name = "uploaded_by_id", nullable = false)
    public String uploadedById;

    @Column(name = "uploaded_by_name")
    public String uploadedByName;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
