package fr.academie.mail.delivery;

import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.message.Message;
import fr.academie.mail.message.RuleTrace;
import fr.academie.mail.message.Warning;
import fr.academie.mail.mime.ParsedMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    private final boolean fromPortal;

    Arrival(DeliveryPipeline.Destination destination, ParsedMessage message, long size, Instant receivedAt) {
        this.ownerId = destination.ownerId();
        this.imported = destination.datedBySender();
        this.verdict = destination.verdict();
        this.fromPortal = destination.fromPortal();
        this.message = message;
        this.size = size;
        this.receivedAt = receivedAt;
        this.folderId = destination.folderId();
        this.unread = destination.unread();
    }

    /**
     * A message the mailbox holds, as it was when it arrived, for the rules to run on again ("Tester sur mes
     * messages", "Appliquer aux messages existants").
     */
    public static Arrival stored(Message message, ParsedMessage parsed, boolean fromPortal) {
        return new Arrival(new DeliveryPipeline.Destination(message.ownerId, message.folderId, message.unread, false,
                message.authentication, fromPortal), parsed, message.sizeBytes, message.receivedAt);
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
