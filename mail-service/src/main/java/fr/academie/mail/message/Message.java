package fr.academie.mail.message;

import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.mime.ParsedMessage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message in a folder of its owner's mailbox: the fields read from its source (table message_source, the
 * original bytes) that lists, the reading pane and search need, and the person's flags.
 */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "folder_id", nullable = false)
    public UUID folderId;

    @Column(name = "sender_name")
    public String senderName;

    @Column(name = "sender_address", nullable = false)
    public String senderAddress;

    @Column(nullable = false)
    public String subject;

    /** When it reached the mailbox: the order of the lists. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Its Date header, when readable. */
    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public boolean unread;

    @Column(nullable = false)
    public boolean flagged;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParsedMessage.Priority priority = ParsedMessage.Priority.NORMAL;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "message_id_hdr")
    public String messageIdHeader;

    @Column(name = "in_reply_to")
    public String inReplyTo;

    @Column(name = "references_hdr")
    public String references;

    @JdbcTypeCode(SqlTypes.JSON)
    public Recipients recipients;

    /** What the MX learnt of the sender of mail from the internet (SPF, DKIM, DMARC); null for any other. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Verdict authentication;

    /** Why the message looks dangerous (mail from the internet), in the reading pane's words; empty for most. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Warning> warnings = List.of();

    /** What the person's rules did to the message at delivery, and which rule; empty for most. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "filed_by", nullable = false)
    public List<RuleTrace> filedBy = List.of();

    @Column(name = "has_attachments", nullable = false)
    public boolean hasAttachments;

    public String snippet;

    @Column(name = "body_text")
    public String text;

    @Column(name = "body_html")
    public String html;

    /** What search reads beyond the columns above: recipients, attachment names, the text of an HTML-only body. */
    @Column(name = "search_text")
    public String searchText;

    /** When it was put in its folder: kept by the database (a trigger), never written from here. */
    @Column(name = "filed_at", insertable = false, updatable = false)
    public Instant filedAt;

    /** The folder a message in the trash was deleted from. */
    @Column(name = "trashed_from")
    public UUID trashedFrom;

    /** The conversation it belongs to (the id of its first message, or of a message it answers). */
    @Column(name = "thread_id", nullable = false)
    public UUID threadId;

    /** The subject without "RE :", "TR :"... in lower case: conversations of messages that lost their references. */
    @Column(name = "base_subject")
    public String baseSubject;

    /** To and Cc, as the header gave them. */
    public record Recipients(List<ParsedMessage.Address> to, List<ParsedMessage.Address> cc) {
    }

    public static Optional<Message> ofOwner(String ownerId, UUID id) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }
}
