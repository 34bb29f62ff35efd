package fr.academie.mail.imap;

import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.events.EventBus;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.events.MailboxIdRegistrationKey;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.event.EventFactory;
import org.jboss.logging.Logger;

import javax.mail.Flags;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells this server's IMAP sessions what the other doors changed (the web page, the MX, the rules, another replica's
 * IMAP): reads the database's journal of changes a few times a second and dispatches each as the James event a
 * selected folder listens for, so that a client learns of it at its next command, or at once in IDLE.
 */
class ChangeFeed implements Runnable {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final int BATCH = 500;

    private final ImapStore store;
    private final EventBus events;
    private final SessionProvider sessions;
    private final String origin;
    private long last;

    ChangeFeed(ImapStore store, EventBus events, SessionProvider sessions, String origin) {
        this.store = store;
        this.events = events;
        this.sessions = sessions;
        this.origin = origin;
        this.last = store.lastChange();
    }

    @Override
    public void run() {
        try {
            List<ImapStore.Change> changes;
            do {
                changes = store.changesSince(last, origin, BATCH);
                dispatch(changes);
                if (!changes.isEmpty()) {
                    last = changes.get(changes.size() - 1).seq();
                }
            } while (changes.size() == BATCH);
        } catch (RuntimeException e) { // the journal unreadable for a moment: the next run takes up from the same place
            LOG.warnf("IMAP sessions not told of the latest changes yet: %s", e.getMessage());
        }
    }

    /** Consecutive changes of one kind in one folder go as one event, in the journal's order. */
    private void dispatch(List<ImapStore.Change> changes) {
        int start = 0;
        for (int i = 1; i <= changes.size(); i++) {
            if (i == changes.size() || changes.get(i).kind() != changes.get(start).kind()
                    || !changes.get(i).folderId().equals(changes.get(start).folderId())) {
                List<ImapStore.Change> run = changes.subList(start, i);
                try {
                    dispatchRun(run);
                } catch (RuntimeException e) { // one entry that cannot be told must not stop the feed at it
                    LOG.warnf(e, "IMAP sessions not told of %d change(s) in folder %s: they see them when they select it again",
                            run.size(), run.get(0).folderId());
                }
                start = i;
            }
        }
    }

    private void dispatchRun(List<ImapStore.Change> run) {
        if (run.isEmpty()) {
            return;
        }
        ImapStore.Change first = run.get(0);
        Optional<ImapStore.FolderState> folder = store.folder(first.folderId());
        if (folder.isEmpty()) {
            return; // deleted since: its sessions are told when they next use it
        }
        Mailbox mailbox = FolderMapper.mailbox(folder.get());
        MailboxSession session = sessions.createSystemSession(Username.of(first.ownerId()));
        Event event = switch (first.kind()) {
            case 'A' -> added(mailbox, session, run);
            case 'E' -> EventFactory.expunged().randomEventId().mailboxSession(session).mailbox(mailbox)
                    .metaData(new TreeMap<>(run.stream().collect(Collectors.toMap(c -> MessageUid.of(c.uid()),
                            ChangeFeed::expunged, (a, b) -> b)))).build();
            default -> flagsUpdated(mailbox, session, run);
        };
        LOG.debugf("Journal %c of %d message(s) in folder %s: %s", first.kind(), run.size(), first.folderId(),
                event == null ? "gone since" : "told");
        if (event != null) {
            events.dispatch(event, new MailboxIdRegistrationKey(mailbox.getMailboxId())).block();
        }
    }

    private Event added(Mailbox mailbox, MailboxSession session, List<ImapStore.Change> run) {
        List<ImapStore.MessageState> messages = present(run);
        if (messages.isEmpty()) {
            return null; // moved or deleted since: their own changes follow
        }
        return EventFactory.added().randomEventId().mailboxSession(session).mailbox(mailbox)
                .addMetaData(messages.stream().map(ChangeFeed::metadata).toList()).isDelivery(true).build();
    }

    private Event flagsUpdated(Mailbox mailbox, MailboxSession session, List<ImapStore.Change> run) {
        List<ImapStore.MessageState> messages = present(run);
        if (messages.isEmpty()) {
            return null;
        }
        return EventFactory.flagsUpdated().randomEventId().mailboxSession(session).mailbox(mailbox)
                .updatedFlags(messages.stream().map(m -> UpdatedFlags.builder().uid(MessageUid.of(m.uid()))
                        .modSeq(ModSeq.of(m.modseq())).oldFlags(new Flags()).newFlags(MessageStoreMapper.flags(m))
                        .messageId(new StoredMessageId(m.id())).build()).toList()).build();
    }

    /** The messages of the run still in its folder, as they are now. */
    private List<ImapStore.MessageState> present(List<ImapStore.Change> run) {
        Set<Long> uids = run.stream().map(ImapStore.Change::uid).collect(Collectors.toSet());
        long from = uids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long to = uids.stream().mapToLong(Long::longValue).max().orElseThrow();
        return store.messages(run.get(0).ownerId(), run.get(0).folderId(), from, to, Integer.MAX_VALUE).stream()
                .filter(m -> uids.contains(m.uid())).toList();
    }

    private static MessageMetaData metadata(ImapStore.MessageState m) {
        StoredMessageId id = new StoredMessageId(m.id());
        return new MessageMetaData(MessageUid.of(m.uid()), ModSeq.of(m.modseq()), MessageStoreMapper.flags(m), m.size(),
                Date.from(m.receivedAt()), Optional.empty(), id, ThreadId.fromBaseMessageId(new StoredMessageId(m.threadId())));
    }

    /** What an expunged message's sessions need: its UID (the rest is gone with it). */
    private static MessageMetaData expunged(ImapStore.Change change) {
        StoredMessageId unknown = new StoredMessageId(new UUID(0, change.uid()));
        return new MessageMetaData(MessageUid.of(change.uid()), ModSeq.of(change.modseq()), new Flags(), 0, new Date(0),
                Optional.empty(), unknown, ThreadId.fromBaseMessageId(unknown));
    }
}
