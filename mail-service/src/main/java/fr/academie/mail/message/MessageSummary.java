package fr.academie.mail.message;

import java.time.Instant;
import java.util.UUID;

/** A line of a message list. */
public record MessageSummary(UUID id, Sender from, String subject, Instant date, boolean unread) {

    /** Who sent it: the display name may be absent. */
    public record Sender(String name, String address) {
    }

    static MessageSummary of(Message message) {
        return new MessageSummary(message.id, new Sender(message.senderName, message.senderAddress), message.subject,
                message.receivedAt, message.unread);
    }
}
