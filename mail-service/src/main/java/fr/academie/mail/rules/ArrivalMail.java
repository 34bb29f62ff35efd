package fr.academie.mail.rules;

import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.mime.ParsedMessage;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.mail.Action;
import org.apache.jsieve.mail.MailAdapter;
import org.apache.jsieve.mail.optional.EnvelopeAccessors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A message on its way in as jSieve reads it (its decoded header fields, its size, its text) and the actions the
 * script asks, each with the script line of the command that asked it. The actions are carried out by
 * {@link RulesStep}, not here.
 */
final class ArrivalMail implements MailAdapter, EnvelopeAccessors {

    /** An action the script asked, and the line of the command that asked it. */
    record Asked(Action action, int line) {
    }

    private final Arrival arrival;
    private final String recipient;
    private final List<Asked> asked = new ArrayList<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final Map<String, Integer> flagLines = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private boolean usesVariables;
    private SieveContext context;

    /** The message arriving for {@code recipient} (her address: the envelope's "to"; null when not known). */
    ArrivalMail(Arrival arrival, String recipient) {
        this.arrival = arrival;
        this.recipient = recipient;
    }

    /**
     * The envelope (RFC 5228 §5.4): "from" its sender ("" for none: a bounce), "to" the address it is delivered to;
     * nothing for a part that is not known.
     */
    @Override
    public List<String> getEnvelope(String name) {
        String part = name.strip().toLowerCase(Locale.ROOT);
        String value = part.equals("from") ? arrival.sender() : part.equals("to") ? recipient : null;
        return value == null ? List.of() : List.of(value);
    }

    @Override
    public List<String> getEnvelopeNames() {
        return List.of("from", "to");
    }

    @Override
    public List<String> getMatchingEnvelope(String name) {
        return getEnvelope(name);
    }

    /** The script requires "variables" (RFC 5229): the strings its commands and tests receive are expanded. */
    void useVariables() {
        usesVariables = true;
    }

    boolean usesVariables() {
        return usesVariables;
    }

    /** The variables {@code set} gave, by name without case. */
    Map<String, String> variables() {
        return variables;
    }

    void set(String name, String value) {
        variables.put(name.toLowerCase(Locale.ROOT), value);
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    /** The message's flags as the imap4flags commands leave them (changed in place by {@link FlagCommand}). */
    Set<String> flags() {
        return flags;
    }

    /** The line of the command that gave the message this flag (the rule it says did it); 0 when not known. */
    int lineOf(String flag) {
        return flagLines.getOrDefault(flag.toLowerCase(Locale.ROOT), 0);
    }

    /** Notes the flags a command at that line just gave, and forgets those it took off. */
    void flagsChangedAt(int line) {
        Set<String> now = new HashSet<>();
        flags.forEach(flag -> now.add(flag.toLowerCase(Locale.ROOT)));
        flagLines.keySet().retainAll(now);
        now.forEach(flag -> flagLines.putIfAbsent(flag, line));
    }

    /** Whether the message has an attachment; of one of the types when some are named ("pdf", "application/pdf"). */
    boolean hasAttachment(List<String> types) {
        return !attachments(arrival, types).isEmpty();
    }

    /** The message's attachments (not the inline images of its body); of those types when some are named. */
    static List<ParsedMessage.Part> attachments(Arrival arrival, List<String> types) {
        return arrival.message().attachments().stream().filter(part -> !part.inline()).filter(part -> types.isEmpty()
                || types.stream().anyMatch(type -> ofType(part, type.strip().toLowerCase(Locale.ROOT)))).toList();
    }

    private static boolean ofType(ParsedMessage.Part part, String type) {
        String media = part.contentType() == null ? "" : part.contentType().toLowerCase(Locale.ROOT);
        String file = part.fileName() == null ? "" : part.fileName().toLowerCase(Locale.ROOT);
        return type.contains("/") ? media.equals(type) || media.startsWith(type + ";")
                : !type.isEmpty() && (file.endsWith("." + type) || media.equals("application/" + type)
                || media.startsWith("application/" + type + ";"));
    }

    boolean fromPortal() {
        return arrival.fromPortal();
    }

    @Override
    public void setContext(SieveContext context) {
        this.context = context;
    }

    @Override
    public List<Action> getActions() {
        return asked.stream().map(Asked::action).toList();
    }

    @Override
    public void addAction(Action action) {
        int line = context == null || context.getCoordinate() == null ? 0
                : context.getCoordinate().getStartLineNumber();
        asked.add(new Asked(action, line));
    }

    @Override
    public void executeActions() {
        // RulesStep carries them out, inside the delivery's transaction
    }

    @Override
    public List<String> getHeader(String name) {
        return headers().stream().filter(h -> h.name().equals(name)).map(ParsedMessage.Header::value).toList();
    }

    /**
     * The fields of that name. Of Authentication-Results:, only the one this server's MX wrote above the message
     * (RFC 8601 §5: those the sender wrote prove nothing); none on a message that did not come through it.
     */
    @Override
    public List<String> getMatchingHeader(String name) {
        String wanted = name.strip();
        List<String> values = headers().stream().filter(h -> h.name().strip().equalsIgnoreCase(wanted))
                .map(ParsedMessage.Header::value).toList();
        if (wanted.equalsIgnoreCase("Authentication-Results")) {
            return arrival.verdict() == null || values.isEmpty() ? List.of() : values.subList(0, 1);
        }
        return values;
    }

    @Override
    public List<String> getHeaderNames() {
        return headers().stream().map(ParsedMessage.Header::name).distinct().toList();
    }

    @Override
    public int getSize() {
        return (int) Math.min(Integer.MAX_VALUE, arrival.size());
    }

    @Override
    public String getContentType() {
        List<String> type = getMatchingHeader("Content-Type");
        return type.isEmpty() ? "text/plain" : type.get(0);
    }

    @Override
    public boolean isInBodyText(List<String> phrases) {
        return contains(text(), phrases);
    }

    /** The decoded text stands for the raw body: a person's phrase is found where they see it. */
    @Override
    public boolean isInBodyRaw(List<String> phrases) {
        return contains(text(), phrases);
    }

    @Override
    public boolean isInBodyContent(List<String> contentTypes, List<String> phrases) {
        ParsedMessage message = arrival.message();
        return contentTypes.stream().anyMatch(type -> type.equalsIgnoreCase("text/plain") && contains(message.text(), phrases)
                || type.equalsIgnoreCase("text/html") && contains(message.html(), phrases));
    }

    @Override
    public Address[] parseAddresses(String headerName) {
        List<Address> addresses = new ArrayList<>();
        for (String value : getMatchingHeader(headerName)) {
            try {
                AddressList list = DefaultAddressParser.DEFAULT.parseAddressList(value, DecodeMonitor.SILENT);
                for (Mailbox mailbox : list.flatten()) {
                    addresses.add(new Sieved(mailbox.getLocalPart(), mailbox.getDomain() == null ? "" : mailbox.getDomain()));
                }
            } catch (Exception unreadable) {
                // an unreadable address list matches nothing, as Sieve's address test expects of it
            }
        }
        return addresses.toArray(Address[]::new);
    }

    private List<ParsedMessage.Header> headers() {
        return arrival.message().headers();
    }

    private String text() {
        ParsedMessage message = arrival.message();
        return message.text() != null ? message.text() : message.html();
    }

    private static boolean contains(String text, List<String> phrases) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return phrases.stream().anyMatch(phrase -> lower.contains(phrase.toLowerCase(Locale.ROOT)));
    }

    private record Sieved(String localPart, String domain) implements Address {

        @Override
        public String getLocalPart() {
            return localPart;
        }

        @Override
        public String getDomain() {
            return domain;
        }
    }
}
