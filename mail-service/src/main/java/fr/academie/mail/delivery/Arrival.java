package fr.academie.mail.delivery;

import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.message.Message;
import fr.academie.mail.message.RuleTrace;
import fr.academie.mail.message.Warning;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.store.Spool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A message on its way into a mailbox: what it says, and where and how it will be stored (steps may change that). */
public final class Arrival {

    private final String ownerId;
    private final ParsedMessage message;
    private final long size;
    private final Instant receivedAt;
    private UUID folderId;
    private boolean unread;
    private boolean flagged;
    private final Verdict verdict;
    private List<Warning> warnings = List.of();
    private final boolean imported;
    private final List<RuleTrace> filedBy = new ArrayList<>();
    private final Set<UUID> labels = new LinkedHashSet<>();
    private final Map<Integer, String> fileNames = new LinkedHashMap<>();

    private final boolean fromPortal;
    private final String sender;
    /** The bytes arriving; null for a message the mailbox holds already, which the rules run on again. */
    private final Spool source;

    private Arrival(DeliveryPipeline.Destination destination, ParsedMessage message, long size, Spool source,
                    Instant receivedAt) {
        this.ownerId = destination.ownerId();
        this.imported = destination.datedBySender();
        this.verdict = destination.verdict();
        this.fromPortal = destination.fromPortal();
        this.sender = destination.sender();
        this.message = message;
        this.size = size;
        this.source = source;
        this.receivedAt = receivedAt;
        this.folderId = destination.folderId();
        this.unread = destination.unread();
    }

    Arrival(DeliveryPipeline.Destination destination, ParsedMessage message, Spool source, Instant receivedAt) {
        this(destination, message, source.size(), source, receivedAt);
    }

    /**
     * A message the mailbox holds, as it was when it arrived, for the rules to run on again ("Tester sur mes
     * messages", "Appliquer aux messages existants"): nothing is sent from it again (no forward, no reply).
     */
    public static Arrival stored(Message message, ParsedMessage parsed, boolean fromPortal) {
        return new Arrival(new DeliveryPipeline.Destination(message.ownerId, message.folderId, message.unread, false,
                message.authentication, fromPortal, null), parsed, message.sizeBytes, null, message.receivedAt);
    }

    public String ownerId() {
        return ownerId;
    }

    public ParsedMessage message() {
        return message;
    }

    public long size() {
        return size;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public UUID folderId() {
        return folderId;
    }

    /** Files the message into another of the owner's folders. */
    public void fileInto(UUID folderId) {
        this.folderId = folderId;
    }

    public boolean unread() {
        return unread;
    }

    public void markRead() {
        unread = false;
    }

    public boolean flagged() {
        return flagged;
    }

    public void flag() {
        flagged = true;
    }

    /** What the MX learnt of the sender of a message from the internet; null for any other. */
    public Verdict verdict() {
        return verdict;
    }

    /** Whether the portal's own services (Colibris, I-Prof) sent it: nobody outside can make such a message. */
    public boolean fromPortal() {
        return fromPortal;
    }

    /** Whether the rules run on it again, after its delivery ("Tester", "Appliquer"): nothing may leave then. */
    public boolean replayed() {
        return source == null;
    }

    /** The bytes arriving, as they will be stored (a forward sends them on); absent when {@link #replayed()}. */
    public Spool source() {
        if (source == null) {
            throw new IllegalStateException("A message the rules run on again is not sent anywhere");
        }
        return source;
    }

    /**
     * The envelope's sender (where a bounce would go): "" for none (a bounce, an automatic message); the From address
     * when the way in did not say (mail written in the webmail); null when neither is known.
     */
    public String sender() {
        if (sender != null) {
            return sender;
        }
        return message.from() == null ? null : message.from().address();
    }

    /** Whether its owner brought it in (an import keeps its place in time): the rules leave it where it was put. */
    public boolean imported() {
        return imported;
    }

    /** The owner's labels the message will carry. */
    public Set<UUID> labels() {
        return Set.copyOf(labels);
    }

    /** Puts one of the owner's labels on the message. */
    public void label(UUID labelId) {
        labels.add(labelId);
    }

    /** Shows and downloads an attachment under another name (a rule's); the message's bytes stay as received. */
    public void rename(ParsedMessage.Part part, String fileName) {
        fileNames.put(part.index(), fileName);
    }

    /** The attachments a rule renamed: their index among the message's parts, and their new name. */
    public Map<Integer, String> renamed() {
        return Map.copyOf(fileNames);
    }

    /** The name the attachment is shown and downloaded under: its own, or the one a rule gave it. */
    public String fileName(ParsedMessage.Part part) {
        return fileNames.getOrDefault(part.index(), part.fileName());
    }

    public List<RuleTrace> filedBy() {
        return List.copyOf(filedBy);
    }

    /** Notes what a rule did (or could not do), for the reading pane. */
    public void trace(RuleTrace trace) {
        filedBy.add(trace);
    }

    public List<Warning> warnings() {
        return warnings;
    }

    /** The reasons the message looks dangerous, kept with it for the reading pane. */
    public void warn(List<Warning> warnings) {
        this.warnings = List.copyOf(warnings);
    }
}
