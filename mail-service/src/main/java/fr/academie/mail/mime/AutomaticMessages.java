package fr.academie.mail.mime;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;

/**
 * The messages the service writes itself (notifications, non-delivery reports, abuse reports): RFC 5322 built with mime4j,
 * plain UTF-8 text, dated now in Europe/Paris, to no one in particular (the mailbox they are delivered to).
 */
public final class AutomaticMessages {

    private static final TimeZone PARIS = TimeZone.getTimeZone("Europe/Paris");

    private AutomaticMessages() {
    }

    /**
     * An abuse report (RFC 5965, ARF): a {@code multipart/report; report-type=feedback-report} holding a text for the
     * person who reads it, the machine-readable {@code message/feedback-report} fields, and the original message whole.
     */
    public static byte[] feedbackReport(Mailbox from, String to, String subject, String messageId, String text,
                                        Map<String, String> feedback, byte[] original) {
        try {
            StringBuilder fields = new StringBuilder();
            feedback.forEach((name, value) -> fields.append(name).append(": ").append(value).append("\r\n"));
            Multipart report = MultipartBuilder.create("report")
                    .addContentTypeParameter(new NameValuePair("report-type", "feedback-report"))
                    .addTextPart(text, StandardCharsets.UTF_8)
                    .addBodyPart(BodyPartBuilder.create().setBody(fields.toString().getBytes(StandardCharsets.UTF_8),
                            "message/feedback-report").setContentTransferEncoding("7bit"))
                    .addBodyPart(BodyPartBuilder.create().setBody(original, "message/rfc822")
                            .setContentTransferEncoding("8bit").setContentDisposition("attachment", "message.eml"))
                    .build();
            return DefaultMessageWriter.asBytes(Message.Builder.of()
                    .setFrom(from)
                    .setField(new RawField("To", to))
                    .setSubject(subject)
                    .setDate(new Date(), PARIS)
                    .setMessageId(messageId)
                    .setField(new RawField("Auto-Submitted", "auto-generated"))
                    .setBody(report)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message's bytes; {@code fields}: more header fields, as written (In-Reply-To, Auto-Submitted...). */
    public static byte[] write(Mailbox from, String subject, String messageId, String text, Map<String, String> fields) {
        try {
            Message.Builder builder = Message.Builder.of()
                    .setFrom(from)
                    .setField(new RawField("To", "undisclosed-recipients:;"))
                    .setSubject(subject)
                    .setDate(new Date(), PARIS)
                    .setMessageId(messageId)
                    .setBody(text, StandardCharsets.UTF_8);
            fields.forEach((name, value) -> builder.setField(new RawField(name, value)));
            return DefaultMessageWriter.asBytes(builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
