package fr.academie.mail.mime;

import java.time.Instant;
import java.util.List;

/**
 * What the lists, the reading pane and search need of a message, read from its RFC 5322 bytes. Anything a
 * broken message lacks is empty (an absent subject is "", an unreadable date is null), never an error.
 */
public record ParsedMessage(Address from, List<Address> to, List<Address> cc, String subject, Instant date,
                            String messageId, String inReplyTo, String references, Priority priority,
                            String text, String html, List<Part> attachments, List<Header> headers) {

    /** Without the header fields (messages built by hand in tests). */
    public ParsedMessage(Address from, List<Address> to, List<Address> cc, String subject, Instant date,
                         String messageId, String inReplyTo, String references, Priority priority, String text,
                         String html, List<Part> attachments) {
        this(from, to, cc, subject, date, messageId, inReplyTo, references, priority, text, html, attachments, List.of());
    }

    /** A field of the message's top header as rules read it: its name as written, its value unfolded and decoded. */
    public record Header(String name, String value) {
    }

    /** A mailbox of a header: the display name may be null; the address may be empty when unreadable. */
    public record Address(String name, String address) {
    }

    /**
     * A part a person can open or download: its position among the message's leaf parts (depth first, from 0),
     * which finds it again in the source; inline parts (images of an HTML body) have a content id.
     */
    public record Part(int index, String fileName, String contentType, long size, String contentId, boolean inline) {
    }

    /** X-Priority / Importance, as mail clients show them. */
    public enum Priority {
        HIGH, NORMAL, LOW
    }

    public boolean hasAttachments() {
        return attachments.stream().anyMatch(part -> !part.inline());
    }
}
