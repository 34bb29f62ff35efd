package fr.academie.mail.message;

import fr.academie.mail.html.HtmlSanitizer;
import fr.academie.mail.label.LabelTag;
import fr.academie.mail.mime.ParsedMessage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message as the reading pane shows it. {@code date} is when it reached the mailbox, {@code sentAt} its
 * Date header. {@code html} is the HTML body sanitised (null when the message has none), with its remote images
 * removed unless asked for: {@code remoteImagesBlocked} then says there were some.
 */
public record MessageView(UUID id, UUID folderId, MessageSummary.Sender from, List<ParsedMessage.Address> to,
                          List<ParsedMessage.Address> cc, String subject, Instant date, Instant sentAt, boolean unread,
                          boolean flagged, ParsedMessage.Priority priority, long size, String text, String html,
                          boolean remoteImagesBlocked, List<AttachmentView> attachments, List<LabelTag> labels) {

    /** A part to open or download. */
    public record AttachmentView(UUID id, String fileName, String contentType, long size, boolean inline) {
    }

    static MessageView of(Message message, List<Attachment> attachments, List<LabelTag> labels,
                          HtmlSanitizer.Sanitized html) {
        Message.Recipients recipients = message.recipients == null ? new Message.Recipients(List.of(), List.of())
                : message.recipients;
        return new MessageView(message.id, message.folderId, new MessageSummary.Sender(message.senderName,
                message.senderAddress), recipients.to(), recipients.cc(), message.subject, message.receivedAt,
                message.sentAt, message.unread, message.flagged, message.priority, message.sizeBytes, message.text,
                html == null ? null : html.html(), html != null && html.remoteImagesBlocked(),
                attachments.stream().map(a -> new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.inline))
                        .toList(), labels);
    }
}
