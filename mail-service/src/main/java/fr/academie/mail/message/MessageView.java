package fr.academie.mail.message;

import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.html.HtmlSanitizer;
import fr.academie.mail.label.LabelTag;
import fr.academie.mail.mime.ParsedMessage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message as the reading pane shows it. {@code date} is when it reached the mailbox, {@code sentAt} its
 * Date header. {@code html} is the HTML body sanitised (null when the message has none), with its remote images
 * removed unless asked for or its sender trusted ({@code senderTrusted}): {@code remoteImagesBlocked} then says
 * there were some. {@code warnings} are the reasons mail from the internet looks dangerous, in French (empty for most);
 * a {@code blocked} attachment is a program the pane never serves; {@code authentication} what SPF, DKIM and DMARC
 * said of its sender (null for mail that did not come from the internet); {@code filedBy} what the person's rules did to
 * it, rule by rule ("Pourquoi ici ?").
 */
public record MessageView(UUID id, UUID folderId, UUID threadId, MessageSummary.Sender from, List<ParsedMessage.Address> to,
                          List<ParsedMessage.Address> cc, String subject, Instant date, Instant sentAt, boolean unread,
                          boolean flagged, ParsedMessage.Priority priority, long size, String text, String html,
                          boolean remoteImagesBlocked, boolean senderTrusted, List<AttachmentView> attachments,
                          List<LabelTag> labels, List<Warning> warnings, Authentication authentication,
                          List<RuleTrace> filedBy) {

    /** What proved (or failed to prove) who sent mail from the internet, as the pane's details show it. */
    public record Authentication(String spf, String spfDomain, List<Verdict.Signature> dkim, String dmarc,
                                 String fromDomain) {

        static Authentication of(Verdict verdict) {
            return verdict == null ? null : new Authentication(verdict.spf(), verdict.spfDomain(), verdict.dkim(),
                    verdict.dmarc(), verdict.fromDomain());
        }
    }

    /** A part to open or download. */
    public record AttachmentView(UUID id, String fileName, String contentType, long size, boolean inline,
                                 boolean blocked) {

        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.inline,
                    Executables.blocked(a.fileName, a.contentType));
        }
    }

    static MessageView of(Message message, List<Attachment> attachments, List<LabelTag> labels,
                          HtmlSanitizer.Sanitized html, boolean senderTrusted) {
        Message.Recipients recipients = message.recipients == null ? new Message.Recipients(List.of(), List.of())
                : message.recipients;
        return new MessageView(message.id, message.folderId, message.threadId, new MessageSummary.Sender(message.senderName,
                message.senderAddress), recipients.to(), recipients.cc(), message.subject, message.receivedAt,
                message.sentAt, message.unread, message.flagged, message.priority, message.sizeBytes, message.text,
                html == null ? null : html.html(), html != null && html.remoteImagesBlocked(), senderTrusted,
                attachments.stream().map(AttachmentView::of).toList(), labels,
                message.warnings == null ? List.of() : message.warnings, Authentication.of(message.authentication),
                message.filedBy == null ? List.of() : message.filedBy);
    }
}
