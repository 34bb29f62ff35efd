package fr.academie.mail.draft;

import fr.academie.mail.mime.ParsedMessage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A draft in the editor or in the list of drafts. {@code state}: DRAFT, or SCHEDULED once "envoyer" was pressed
 * ({@code sendAt} then says when it leaves: the end of the undo window, or the date chosen).
 */
public record DraftView(UUID id, List<ParsedMessage.Address> to, List<ParsedMessage.Address> cc,
                        List<ParsedMessage.Address> bcc, String subject, String bodyHtml, UUID replyToId, UUID forwardId,
                        List<AttachmentView> attachments, String state, Instant sendAt, String sendError, int version,
                        Instant updatedAt) {

    public record AttachmentView(UUID id, String fileName, String contentType, long size) {

        static AttachmentView of(DraftAttachment attachment) {
            return new AttachmentView(attachment.id, attachment.fileName, attachment.contentType, attachment.sizeBytes);
        }
    }

    static DraftView of(Draft draft, List<DraftAttachment> attachments) {
        return new DraftView(draft.id, draft.recipients.to(), draft.recipients.cc(), draft.recipients.bcc(), draft.subject,
                draft.bodyHtml, draft.replyToId, draft.forwardId, attachments.stream().map(AttachmentView::of).toList(),
                draft.scheduled() ? "SCHEDULED" : "DRAFT", draft.sendAt, draft.sendError, draft.version, draft.updatedAt);
    }
}
