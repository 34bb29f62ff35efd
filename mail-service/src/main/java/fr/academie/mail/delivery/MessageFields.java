package fr.academie.mail.delivery;

import fr.academie.mail.message.Message;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.thread.Threads;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The stored fields of a message, from what its source says and what the delivery steps decided. */
final class MessageFields {

    static final int SNIPPET = 300;

    private MessageFields() {
    }

    static Message of(Arrival arrival) {
        ParsedMessage parsed = arrival.message();
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.ownerId = arrival.ownerId();
        message.folderId = arrival.folderId();
        message.senderName = parsed.from() == null ? null : cut(parsed.from().name(), 255);
        message.senderAddress = parsed.from() == null ? "" : cut(parsed.from().address(), 320);
        message.subject = cut(parsed.subject(), 998);
        message.baseSubject = cut(Threads.baseSubject(message.subject), 998);
        message.receivedAt = arrival.receivedAt();
        message.sentAt = parsed.date();
        message.unread = arrival.unread();
        message.flagged = arrival.flagged();
        message.priority = parsed.priority();
        message.sizeBytes = arrival.size();
        message.messageIdHeader = cut(parsed.messageId(), 998);
        message.inReplyTo = cut(parsed.inReplyTo(), 998);
        message.references = parsed.references();
        message.recipients = new Message.Recipients(parsed.to(), parsed.cc());
        message.hasAttachments = parsed.hasAttachments();
        message.text = parsed.text();
        message.html = parsed.html();
        message.snippet = snippet(parsed);
        message.searchText = searchText(parsed);
        message.warnings = arrival.warnings();
        message.authentication = arrival.verdict();
        message.filedBy = arrival.filedBy();
        return message;
    }

    /** Recipients and attachment names, and the text of an HTML body when there is no text part. */
    static String searchText(ParsedMessage parsed) {
        StringBuilder text = new StringBuilder();
        List<ParsedMessage.Address> recipients = new ArrayList<>(parsed.to());
        recipients.addAll(parsed.cc());
        for (ParsedMessage.Address address : recipients) {
            text.append(address.name() == null ? "" : address.name()).append(' ').append(address.address()).append(' ');
        }
        parsed.attachments().forEach(part -> text.append(part.fileName()).append(' '));
        if (parsed.text() == null && parsed.html() != null) {
            text.append(Jsoup.parse(parsed.html()).text());
        }
        return cut(text.toString().strip(), 200_000);
    }


    /** The start of the text (or of the HTML's text) on one line, as lists show it. */
    static String snippet(ParsedMessage parsed) {
        String text = parsed.text() != null ? parsed.text() : parsed.html() != null ? Jsoup.parse(parsed.html()).text() : "";
        return cut(text.replaceAll("\\s+", " ").strip(), SNIPPET);
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
