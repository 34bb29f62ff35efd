package fr.academie.mail.delivery;

import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.message.Warning;
import fr.academie.mail.mime.ParsedMessage;

import java.time.Instant;
import java.util.List;
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
    private final Verdict verdict;
    private List<Warning> warnings = List.of();

    Arrival(String ownerId, ParsedMessage message, long size, Instant receivedAt, UUID folderId, boolean unread,
            Verdict verdict) {
        this.ownerId = ownerId;
        this.verdict = verdict;
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

    /** What the MX learnt of the sender of a message from the internet; null for any other. */
    public Verdict verdict() {
        return verdict;
    }

    public List<Warning> warnings() {
        return warnings;
    }

    /** The reasons the message looks dangerous, kept with it for the reading pane. */
    public void warn(List<Warning> warnings) {
        this.warnings = List.copyOf(warnings);
    }
}
