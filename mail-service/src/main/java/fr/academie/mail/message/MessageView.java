package fr.academie.mail.message;

import java.time.Instant;
import java.util.UUID;

/** One message as the reading pane shows it (text only until the full MIME storage lands). */
public record MessageView(UUID id, UUID folderId, MessageSummary.Sender from, String subject, Instant date,
                          boolean unread, String text) {

    static MessageView of(Message message) {
        return new MessageView(message.id, message.folderId, new MessageSummary.Sender(message.senderName,
                message.senderAddress), message.subject, message.receivedAt, message.unread, message.text);
    }
}
