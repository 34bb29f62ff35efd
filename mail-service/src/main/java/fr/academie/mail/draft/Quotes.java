package fr.academie.mail.draft;

import fr.academie.common.date.FrenchDates;
import fr.academie.mail.html.HtmlSanitizer;
import fr.academie.mail.message.Message;
import fr.academie.mail.mime.ParsedMessage;
import org.jsoup.nodes.Entities;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How replies and forwards start: their subject, and the original quoted as French mail clients do. */
final class Quotes {

    private static final Pattern REPLY = Pattern.compile("^\\s*(re|ré)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD = Pattern.compile("^\\s*(tr|fwd?)\\s*:", Pattern.CASE_INSENSITIVE);

    private Quotes() {
    }

    static String replySubject(String subject) {
        return REPLY.matcher(subject).find() ? subject : "RE : " + subject;
    }

    static String forwardSubject(String subject) {
        return FORWARD.matcher(subject).find() ? subject : "TR : " + subject;
    }

    /** An empty line to write on, the signature, then the original in a blockquote under its attribution line. */
    static String reply(Message original, String signature) {
        return "<p><br></p>" + signature(signature) + "<p>" + Entities.escape("Le "
                + FrenchDates.weekdayAndTime(original.receivedAt) + ", " + sender(original) + " a écrit :")
                + "</p><blockquote type=\"cite\">" + body(original) + "</blockquote>";
    }

    /** An empty line, the signature, then the original under the header block Outlook and Thunderbird write. */
    static String forward(Message original, String signature) {
        Message.Recipients recipients = original.recipients == null
                ? new Message.Recipients(List.of(), List.of()) : original.recipients;
        StringBuilder header = new StringBuilder("<p>-------- Message transféré --------<br>")
                .append("De : ").append(Entities.escape(sender(original))).append("<br>")
                .append("Date : ").append(Entities.escape(FrenchDates.weekdayAndTime(original.receivedAt))).append("<br>")
                .append("Objet : ").append(Entities.escape(original.subject)).append("<br>");
        if (!recipients.to().isEmpty()) {
            header.append("À : ").append(Entities.escape(names(recipients.to()))).append("<br>");
        }
        if (!recipients.cc().isEmpty()) {
            header.append("Cc : ").append(Entities.escape(names(recipients.cc()))).append("<br>");
        }
        return "<p><br></p>" + signature(signature) + header.append("</p>") + body(original);
    }

    private static String signature(String signature) {
        return signature == null ? "" : "<div class=\"signature\">" + signature + "</div>";
    }

    private static String body(Message original) {
        if (original.html != null) {
            return HtmlSanitizer.forSending(original.html);
        }
        // line breaks as <br>: the editor shows it under the portal's policy, which applies no style attribute
        String text = original.text == null ? "" : original.text;
        return "<div>" + Entities.escape(text).replace("\r\n", "\n").replace("\n", "<br>") + "</div>";
    }

    private static String sender(Message message) {
        return message.senderName == null ? message.senderAddress
                : message.senderName + " <" + message.senderAddress + ">";
    }

    private static String names(List<ParsedMessage.Address> addresses) {
        return addresses.stream().map(a -> a.name() == null ? a.address() : a.name() + " <" + a.address() + ">")
                .collect(Collectors.joining(", "));
    }
}
