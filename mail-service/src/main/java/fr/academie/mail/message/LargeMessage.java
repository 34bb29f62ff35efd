package fr.academie.mail.message;

import java.util.List;

/** A line of "libérer de l'espace": one of the largest messages, its size, and its attachments, largest first. */
public record LargeMessage(MessageSummary message, long size, List<MessageView.AttachmentView> attachments) {
}
