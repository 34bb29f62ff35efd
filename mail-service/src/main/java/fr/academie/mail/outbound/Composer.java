package fr.academie.mail.outbound;

import fr.academie.mail.draft.Draft;
import fr.academie.mail.draft.DraftAttachment;
import fr.academie.mail.html.HtmlSanitizer;
import fr.academie.mail.html.HtmlText;
import fr.academie.mail.message.Downloads;
import fr.academie.mail.message.Message;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.store.MessageSources;
import fr.academie.mail.store.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Writes a draft as an RFC 5322 message (mime4j): text and HTML alternatives, the attachments streamed from their
 * chunks, the forwarded message as message/rfc822. Two versions of the same message: what is transmitted, and the
 * sender's copy, which alone keeps the Bcc line.
 */
@ApplicationScoped
public class Composer {

    private static final TimeZone PARIS = TimeZone.getTimeZone("Europe/Paris");
    /** References kept in a long thread: the first message and the latest ones (RFC 5322 §3.6.4 allows trimming). */
    private static final int REFERENCES = 20;

    private final MessageSources sources;

    public Composer(MessageSources sources) {
        this.sources = sources;
    }

    /** The two versions of a composed message; close it to delete their temporary files. */
    public record Composed(String messageId, Spool transmitted, Spool sentCopy) implements AutoCloseable {
        @Override
        public void close() {
            transmitted.close();
            sentCopy.close();
        }
    }

    public Composed compose(Draft draft, List<DraftAttachment> attachments, Message answered, Message forwarded,
                            Instant date, String domain) {
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        try {
            org.apache.james.mime4j.dom.Message.Builder builder = org.apache.james.mime4j.dom.Message.Builder.of()
                    .setFrom(mailbox(new ParsedMessage.Address(draft.fromName, draft.fromAddress)))
                    .setSubject(draft.subject)
                    .setDate(Date.from(date), PARIS)
                    .setMessageId(messageId);
            if (!draft.recipients.to().isEmpty()) {
                builder.setTo(mailboxes(draft.recipients.to()));
            }
            if (!draft.recipients.cc().isEmpty()) {
                builder.setCc(mailboxes(draft.recipients.cc()));
            }
            if (answered != null && answered.messageIdHeader != null) {
                builder.setField(new RawField("In-Reply-To", answered.messageIdHeader));
                builder.setField(new RawField("References", references(answered)));
            }
            builder.setBody(body(draft, attachments, forwarded));
            org.apache.james.mime4j.dom.Message message = builder.build();
            Spool transmitted = Spool.written(out -> new DefaultMessageWriter().writeMessage(message, out));
            if (draft.recipients.bcc().isEmpty()) {
                return new Composed(messageId, transmitted, Spool.written(out -> transmitted.open().transferTo(out)));
            }
            // the same message object, so the same boundaries: the copy differs only by its Bcc line
            message.getHeader().addField(org.apache.james.mime4j.field.Fields.bcc(mailboxes(draft.recipients.bcc()).toArray(new Mailbox[0])));
            return new Composed(messageId, transmitted, Spool.written(out -> new DefaultMessageWriter().writeMessage(message, out)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private org.apache.james.mime4j.dom.Multipart body(Draft draft, List<DraftAttachment> attachments, Message forwarded)
            throws IOException {
        String html = HtmlSanitizer.forSending(draft.bodyHtml);
        MultipartBuilder alternative = MultipartBuilder.create("alternative")
                .addBodyPart(BodyPartBuilder.create().setBody(HtmlText.of(html), "plain", StandardCharsets.UTF_8)
                        .setContentTransferEncoding("quoted-printable"))
                .addBodyPart(BodyPartBuilder.create()
                        .setBody("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>",
                                "html", StandardCharsets.UTF_8)
                        .setContentTransferEncoding("quoted-printable"));
        if (attachments.isEmpty() && forwarded == null) {
            return alternative.build();
        }
        MultipartBuilder mixed = MultipartBuilder.create("mixed")
                .addBodyPart(BodyPartBuilder.create().setBody(alternative.build()));
        for (DraftAttachment attachment : attachments) {
            mixed.addBodyPart(BodyPartBuilder.create()
                    .setBody(stream(() -> sources.open(MessageSources.Table.DRAFT_ATTACHMENT, attachment.id)))
                    .setContentType(attachment.contentType, new NameValuePair("name", attachment.fileName))
                    .setContentTransferEncoding("base64")
                    .setContentDisposition("attachment", attachment.fileName, attachment.sizeBytes));
        }
        if (forwarded != null) {
            // RFC 2046 §5.2.1: message/rfc822 is never encoded; its source is copied as stored
            mixed.addBodyPart(BodyPartBuilder.create().setBody(stream(() -> sources.open(forwarded.id)))
                    .setContentType("message/rfc822")
                    .setContentDisposition("attachment", Downloads.emlName(forwarded.subject)));
        }
        return mixed.build();
    }

    /** A body read from storage when the message is written, never held whole. */
    private static BinaryBody stream(Opener opener) {
        return new BinaryBody() {
            @Override
            public InputStream getInputStream() throws IOException {
                return opener.open();
            }
        };
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    static String references(Message answered) {
        List<String> ids = new ArrayList<>(answered.references == null ? List.of()
                : Arrays.asList(answered.references.trim().split("\\s+")));
        ids.removeIf(String::isBlank);
        ids.add(answered.messageIdHeader);
        if (ids.size() > REFERENCES) {
            List<String> kept = new ArrayList<>(ids.subList(0, 1));
            kept.addAll(ids.subList(ids.size() - REFERENCES + 1, ids.size()));
            ids = kept;
        }
        return String.join("\r\n ", ids);
    }

    private static List<Mailbox> mailboxes(List<ParsedMessage.Address> addresses) {
        return addresses.stream().map(Composer::mailbox).toList();
    }

    private static Mailbox mailbox(ParsedMessage.Address address) {
        int at = address.address().lastIndexOf('@');
        String name = address.name() == null || address.name().isBlank() ? null : address.name();
        return new Mailbox(name, address.address().substring(0, at), address.address().substring(at + 1));
    }
}
