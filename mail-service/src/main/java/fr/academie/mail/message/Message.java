package fr.academie.mail.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message in a folder of its owner's mailbox: the fields the lists show. */
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

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public boolean unread;

    @Column(name = "body_text")
    public String text;
}
