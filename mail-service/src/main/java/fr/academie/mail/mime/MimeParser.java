package fr.academie.mail.mime;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.AddressListField;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.dom.field.MailboxListField;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.dom.field.UnstructuredField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a message in one streaming pass with Apache mime4j, leniently: bad charsets, missing or malformed
 * headers, unterminated multiparts and 8-bit headers give a message with what could be read, never an error.
 * Attachments are counted, not kept; a forwarded message (message/rfc822) is one attachment.
 */
public final class MimeParser {

    /** Longest text or HTML body kept for display and search; the source keeps everything. */
    static final int MAX_BODY_CHARS = 2_000_000;

    /** No limits, malformed headers start the body: every message is read, never refused. */
    public static final MimeConfig CONFIG = MimeConfig.custom()
            .setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(true)
            .build();

    private MimeParser() {
    }

    public static ParsedMessage parse(InputStream source) {
        Handler handler = new Handler();
        MimeStreamParser parser = new MimeStreamParser(CONFIG, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
        parser.setContentDecoding(true);
        parser.setNoRecurse();
        parser.setContentHandler(handler);
        try {
            parser.parse(source);
        } catch (MimeException e) {
            // lenient configuration: what was read so far is the message
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return handler.result();
    }

    /**
     * The first mailbox of the top-level From: field, read from the header alone (the body is never read): what
     * DMARC needs of a message before it is stored. Null when there is none.
     */
    public static ParsedMessage.Address from(InputStream source) {
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        try {
            stream.parse(source);
            for (EntityState state = stream.getState(); state != EntityState.T_END_HEADER
                    && state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                if (state == EntityState.T_FIELD && stream.getField().getName().equalsIgnoreCase("from")) {
                    return Handler.first(Handler.parsed(stream.getField()));
                }
            }
            return null;
        } catch (MimeException e) {
            return null; // lenient configuration: a header this broken has no From: to read
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every mailbox of the top-level From: and Sender: fields, read from the header alone: who the message says wrote
     * it (what the submission door checks). An unreadable field counts as an author with no address.
     */
    public static List<ParsedMessage.Address> authors(InputStream source) {
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        List<ParsedMessage.Address> authors = new ArrayList<>();
        try {
            stream.parse(source);
            for (EntityState state = stream.getState(); state != EntityState.T_END_HEADER
                    && state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                String name = state == EntityState.T_FIELD ? stream.getField().getName() : "";
                if (name.equalsIgnoreCase("from") || name.equalsIgnoreCase("sender")) {
                    List<ParsedMessage.Address> found = Handler.addresses(Handler.parsed(stream.getField()));
                    authors.addAll(found.isEmpty() ? List.of(new ParsedMessage.Address(null, "")) : found);
                }
            }
            return authors;
        } catch (MimeException e) {
            return List.of(new ParsedMessage.Address(null, "")); // a header this broken says no one
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Handler extends AbstractContentHandler {

        private boolean topHeader = true;
        private ParsedMessage.Address from;
        private List<ParsedMessage.Address> to = List.of();
        private List<ParsedMessage.Address> cc = List.of();
        private String subject = "";
        private Instant date;
        private String messageId;
        private String inReplyTo;
        private String references;
        private ParsedMessage.Priority priority = ParsedMessage.Priority.NORMAL;
        private String text;
        private String html;
        private int index;
        private final List<ParsedMessage.Part> attachments = new ArrayList<>();
        private final List<ParsedMessage.Header> headers = new ArrayList<>();

        @Override
        public void field(Field field) {
            if (topHeader) {
                header(field);
            }
        }

        @Override
        public void endHeader() {
            topHeader = false;
        }

        private void header(Field field) {
            headers.add(new ParsedMessage.Header(field.getName(), clean(DecoderUtil.decodeEncodedWords(
                    field.getBody() == null ? "" : field.getBody(), DecodeMonitor.SILENT))));
            String name = field.getName().toLowerCase(Locale.ROOT);
            switch (name) {
                case "from" -> from = first(parsed(field));
                case "to" -> to = addresses(parsed(field));
                case "cc" -> cc = addresses(parsed(field));
                case "subject" -> subject = parsed(field) instanceof UnstructuredField u ? clean(u.getValue()) : "";
                case "date" -> date = parsed(field) instanceof DateTimeField d && d.isValidField() && d.getDate() != null
                        ? d.getDate().toInstant() : null;
                case "message-id" -> messageId = raw(field);
                case "in-reply-to" -> inReplyTo = raw(field);
                case "references" -> references = raw(field);
                case "x-priority" -> priority = Priorities.ofXPriority(field.getBody(), priority);
                case "importance", "priority" -> priority = Priorities.ofImportance(field.getBody(), priority);
                default -> {
                }
            }
        }

        @Override
        public void body(BodyDescriptor descriptor, InputStream content) throws IOException {
            topHeader = false;
            MaximalBodyDescriptor body = (MaximalBodyDescriptor) descriptor;
            int part = index++;
            String type = body.getMimeType().toLowerCase(Locale.ROOT);
            String fileName = Parts.fileName(body);
            boolean attachment = "attachment".equalsIgnoreCase(body.getContentDispositionType()) || fileName != null;
            if (!attachment && type.equals("text/plain") && text == null) {
                text = Texts.decode(content, body.getCharset(), MAX_BODY_CHARS);
            } else if (!attachment && type.equals("text/html") && html == null) {
                html = Texts.decode(content, body.getCharset(), MAX_BODY_CHARS);
            } else {
                long size = content.transferTo(OutputStream.nullOutputStream());
                String contentId = body.getContentId() == null ? null : body.getContentId().trim();
                boolean inline = contentId != null && !"attachment".equalsIgnoreCase(body.getContentDispositionType());
                attachments.add(new ParsedMessage.Part(part, fileName != null ? fileName : Parts.defaultName(type, part),
                        type, size, contentId, inline));
            }
        }

        ParsedMessage result() {
            return new ParsedMessage(from, to, cc, subject, date, messageId, inReplyTo, references, priority,
                    text, html, List.copyOf(attachments), List.copyOf(headers));
        }

        private static ParsedField parsed(Field field) {
            try {
                return LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static List<ParsedMessage.Address> addresses(ParsedField field) {
            List<ParsedMessage.Address> addresses = new ArrayList<>();
            if (field instanceof AddressListField list && list.getAddressList() != null) {
                list.getAddressList().flatten().forEach(mailbox -> addresses.add(address(mailbox)));
            } else if (field instanceof MailboxListField list && list.getMailboxList() != null) {
                list.getMailboxList().forEach(mailbox -> addresses.add(address(mailbox)));
            }
            return List.copyOf(addresses);
        }

        private static ParsedMessage.Address first(ParsedField field) {
            List<ParsedMessage.Address> addresses = addresses(field);
            if (!addresses.isEmpty()) {
                return addresses.get(0);
            }
            // unreadable: show what the header says rather than nothing
            String raw = field == null ? "" : clean(DecoderUtil.decodeEncodedWords(field.getBody(), DecodeMonitor.SILENT));
            return raw.isEmpty() ? null : new ParsedMessage.Address(raw, "");
        }

        private static ParsedMessage.Address address(Mailbox mailbox) {
            String name = mailbox.getName() == null || mailbox.getName().isBlank() ? null : clean(mailbox.getName());
            return new ParsedMessage.Address(name, mailbox.getAddress());
        }

        private static String raw(Field field) {
            String body = field.getBody() == null ? "" : field.getBody().trim();
            return body.isEmpty() ? null : body;
        }

        /** Folded or control characters out of a one-line value. */
        private static String clean(String value) {
            return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "").strip();
        }
    }
}
