package fr.academie.mail.autoreply;

import fr.academie.mail.mime.ParsedMessage;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an auto-reply goes, if anywhere (RFC 3834): to the envelope's sender (Return-Path:, or From: for mail that did
 * not come through the MX), never to a message another program sent (Auto-Submitted:), a mailing list (any List-*
 * field, Precedence: bulk, junk or list), a bounce ("<>"), a server or a no-reply address, or the person herself.
 */
final class ReplyExclusions {

    /** MAILER-DAEMON, postmaster, no-reply and its spellings, lists' -request and owner- addresses, bounces. */
    private static final Pattern MACHINE = Pattern.compile("(?i)(mailer-daemon|postmaster|listserv|majordomo"
            + "|no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|bounces?|owner-.*|.*-request)([+-].*)?");
    private static final Pattern PRECEDENCE = Pattern.compile("(?i)\\s*(bulk|junk|list)\\s*");

    private ReplyExclusions() {
    }

    /** The address to answer; empty when the message must not be answered. */
    static Optional<String> recipient(ParsedMessage message, String ownAddress) {
        List<ParsedMessage.Header> headers = message.headers();
        boolean automatic = headers.stream().anyMatch(h -> is(h, "Auto-Submitted") && !h.value().strip().equalsIgnoreCase("no")
                || h.name().strip().toLowerCase(Locale.ROOT).startsWith("list-")
                || is(h, "Precedence") && PRECEDENCE.matcher(h.value()).matches());
        if (automatic) {
            return Optional.empty();
        }
        Optional<String> returnPath = headers.stream().filter(h -> is(h, "Return-Path")).findFirst().map(ParsedMessage.Header::value);
        String address = returnPath.map(ReplyExclusions::address)
                .orElse(message.from() == null ? "" : message.from().address());
        if (address == null || address.isBlank() || !address.contains("@") || address.equalsIgnoreCase(ownAddress)) {
            return Optional.empty();
        }
        String local = address.substring(0, address.lastIndexOf('@'));
        return MACHINE.matcher(local).matches() ? Optional.empty() : Optional.of(address.toLowerCase(Locale.ROOT));
    }

    private static String address(String value) {
        String path = value.strip();
        if (path.equals("<>") || path.isEmpty()) {
            return "";
        }
        try {
            Mailbox mailbox = DefaultAddressParser.DEFAULT.parseMailbox(path, DecodeMonitor.SILENT);
            return mailbox.getAddress();
        } catch (Exception unreadable) {
            return "";
        }
    }

    private static boolean is(ParsedMessage.Header header, String name) {
        return header.name().strip().equalsIgnoreCase(name);
    }
}
