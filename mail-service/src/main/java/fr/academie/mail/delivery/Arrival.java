package fr.academie.mail.delivery;

import fr.academie.mail.mime.ParsedMessage;

import java.time.Instant;
import java.util.UUID;

/** A message on its way into a mailbox: what it says, and where and how it will be stored (steps may change that). */
public final class Arrival {

    private final String ownerId;
    private final ParsedMessage message;
    private final long size;
    private final Instant receivedAt;
    private UUID folderId;
    private boolean unread;
    private boolean flagged;

    Arrival(String ownerId, ParsedMessage message, long size, Instant receivedAt, UUID folderId, boolean unread) {
        this.ownerId = ownerId;
        this.message = message;
        this.size = size;
        this.receivedAt = receivedAt;
        this.folderId = folderId;
        this.unread = unread;
    }

    public String ownerId() {
        return ownerId;
    }

    public ParsedMessage message() {
        return message;
    }

    public long size() {
        return size;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public UUID folderId() {
        return folderId;
    }

    /** Files the message into another of the owner's folders. */
    public void fileInto(UUID folderId) {
        this.folderId = folderId;
    }

    public boolean unread() {
        return unread;
    }

    public void markRead() {
        unread = false;
    }

    public boolean flagged() {
        return flagged;
    }

    public void flag() {
        flagged = true;
    }
}
