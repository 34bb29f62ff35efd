package fr.academie.mail.message;

import fr.academie.mail.label.LabelTag;
import fr.academie.mail.mime.ParsedMessage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A line of a message list. */
public record MessageSummary(UUID id, UUID folderId, UUID threadId, Sender from, String subject, String snippet, Instant date,
                             boolean unread, boolean flagged, ParsedMessage.Priority priority, boolean hasAttachments,
                             List<LabelTag> labels) {

    /** Who sent it: the display name may be absent. */
    public record Sender(String name, String address) {
    }

    public static MessageSummary of(Message message, List<LabelTag> labels) {
        return new MessageSummary(message.id, message.folderId, message.threadId, new Sender(message.senderName, message.senderAddress),
                message.subject, message.snippet, message.receivedAt, message.unread, message.flagged, message.priority,
                message.hasAttachments, labels);
    }
}
