package fr.academie.mail.mime;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.RawField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;

/**
 * The messages the service writes itself (notifications, non-delivery reports): RFC 5322 built with mime4j,
 * plain UTF-8 text, dated now in Europe/Paris, to no one in particular (the mailbox they are delivered to).
 */
public final class AutomaticMessages {

    private static final TimeZone PARIS = TimeZone.getTimeZone("Europe/Paris");

    private AutomaticMessages() {
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
