package fr.academie.mail.imap;

import com.google.common.collect.Iterators;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.store.MessageSources;
import fr.academie.mail.store.Spool;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxCounters;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.FlagsUpdateCalculator;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.mail.model.impl.PropertyBuilder;
import org.apache.james.mailbox.store.mail.model.impl.SimpleMailboxMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import javax.mail.Flags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A folder's messages as James' mailbox API sees them: by UID, with the flags and keywords the database keeps and the
 * bytes exactly as received (message_source). STORE writes flags; APPEND, COPY, MOVE and EXPUNGE go through
 * {@link ImapWrites}.
 */
class MessageStoreMapper implements MessageMapper {

    /** How many messages one read of a range brings (a FETCH of a whole folder reads it so, page after page). */
    private static final int PAGE = 2000;

    private final ImapStore store;
    private final ImapWrites writes;
    private final MessageSources sources;
    private final String origin;
    private final long maxMessageSize;

    /**
     * @param origin what this IMAP server writes in the journal of the changes it makes (its sessions know them)
     * @param maxMessageSize the largest message APPEND stores, as the MX
     */
    MessageStoreMapper(ImapStore store, ImapWrites writes, MessageSources sources, String origin, long maxMessageSize) {
        this.store = store;
        this.writes = writes;
        this.sources = sources;
        this.origin = origin;
        this.maxMessageSize = maxMessageSize;
    }

    /** The range's messages, read a page at a time as James takes them: a folder is never held whole. */
    @Override
    public Iterator<MailboxMessage> findInMailbox(Mailbox mailbox, MessageRange set, FetchType type, int limit) {
        String owner = owner(mailbox);
        UUID folder = FolderMailboxId.of(mailbox.getMailboxId());
        long to = set.getUidTo().asLong();
        long wanted = limit <= 0 ? Long.MAX_VALUE : limit;
        Iterator<List<ImapStore.MessageState>> pages = new Iterator<>() {
            private long from = set.getUidFrom().asLong();
            private long read;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done && from <= to && read < wanted;
            }

            @Override
            public List<ImapStore.MessageState> next() {
                int size = (int) Math.min(PAGE, wanted - read);
                List<ImapStore.MessageState> page = store.messages(owner, folder, from, to, size);
                read += page.size();
                done = page.size() < size;
                from = page.isEmpty() ? to + 1 : page.get(page.size() - 1).uid() + 1;
                return page;
            }
        };
        return Iterators.concat(Iterators.transform(pages, page -> Iterators.transform(page.iterator(),
                m -> message(m, type != FetchType.METADATA))));
    }

    private MailboxMessage message(ImapStore.MessageState state, boolean withContent) {
        StoredMessageId id = new StoredMessageId(state.id());
        return SimpleMailboxMessage.builder()
                .messageId(id)
                .threadId(ThreadId.fromBaseMessageId(new StoredMessageId(state.threadId())))
                .mailboxId(new FolderMailboxId(state.folderId()))
                .uid(MessageUid.of(state.uid()))
                .modseq(ModSeq.of(state.modseq()))
                .internalDate(Date.from(state.receivedAt()))
                .size(state.size())
                .bodyStartOctet(withContent ? bodyStart(state.id()) : 0)
                .content(new Source(state.id(), state.size()))
                .flags(flags(state))
                .properties(new PropertyBuilder())
                .build();
    }

    static Flags flags(ImapStore.MessageState state) {
        Flags flags = new Flags();
        if (state.seen()) {
            flags.add(Flags.Flag.SEEN);
        }
        if (state.flagged()) {
            flags.add(Flags.Flag.FLAGGED);
        }
        if (state.answered()) {
            flags.add(Flags.Flag.ANSWERED);
        }
        if (state.deleted()) {
            flags.add(Flags.Flag.DELETED);
        }
        if (state.draft()) {
            flags.add(Flags.Flag.DRAFT);
        }
        state.keywords().forEach(flags::add);
        return flags;
    }

    /** Where the body starts: after the first empty line (CRLF CRLF, or LF LF in a message stored with bare LFs). */
    private int bodyStart(UUID message) {
        try (InputStream in = sources.open(message)) {
            int position = 0;
            int previous = -1;
            int beforePrevious = -1;
            for (int c = in.read(); c != -1; c = in.read()) {
                position++;
                if (c == '\n' && (previous == '\n' || previous == '\r' && beforePrevious == '\n')) {
                    return position;
                }
                beforePrevious = previous;
                previous = c;
            }
            return position;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message's bytes, read from the database a chunk at a time each time they are asked for. */
    private final class Source implements Content {

        private final UUID message;
        private final long size;

        Source(UUID message, long size) {
            this.message = message;
            this.size = size;
        }

        @Override
        public InputStream getInputStream() {
            return sources.open(message);
        }

        @Override
        public long size() {
            return size;
        }
    }

    @Override
    public List<MessageUid> retrieveMessagesMarkedForDeletion(Mailbox mailbox, MessageRange range) {
        return store.deletedUids(owner(mailbox), FolderMailboxId.of(mailbox.getMailboxId()), range.getUidFrom().asLong(),
                range.getUidTo().asLong()).stream().map(MessageUid::of).toList();
    }

    @Override
    public long countMessagesInMailbox(Mailbox mailbox) {
        return store.counts(owner(mailbox), FolderMailboxId.of(mailbox.getMailboxId()))[0];
    }

    @Override
    public MailboxCounters getMailboxCounters(Mailbox mailbox) {
        long[] counts = store.counts(owner(mailbox), FolderMailboxId.of(mailbox.getMailboxId()));
        return MailboxCounters.builder().mailboxId(mailbox.getMailboxId()).count(counts[0]).unseen(counts[1]).build();
    }

    @Override
    public MessageUid findFirstUnseenMessageUid(Mailbox mailbox) {
        return store.firstUnseen(owner(mailbox), FolderMailboxId.of(mailbox.getMailboxId())).map(MessageUid::of).orElse(null);
    }

    @Override
    public List<MessageUid> findRecentMessageUidsInMailbox(Mailbox mailbox) {
        return List.of(); // \Recent is gone from IMAP4rev2 (RFC 9051): no message is ever recent here
    }

    @Override
    public Optional<MessageUid> getLastUid(Mailbox mailbox) {
        long last = folder(mailbox).lastUid();
        return last == 0 ? Optional.empty() : Optional.of(MessageUid.of(last));
    }

    @Override
    public ModSeq getHighestModSeq(Mailbox mailbox) {
        return ModSeq.of(folder(mailbox).highestModseq());
    }

    /** The system flags, and the keywords of the person's labels (a client also may set keywords of its own). */
    @Override
    public Flags getApplicableFlag(Mailbox mailbox) {
        Flags flags = new Flags();
        for (Flags.Flag flag : List.of(Flags.Flag.SEEN, Flags.Flag.FLAGGED, Flags.Flag.ANSWERED, Flags.Flag.DELETED,
                Flags.Flag.DRAFT)) {
            flags.add(flag);
        }
        store.labelKeywords(owner(mailbox)).forEach(flags::add);
        return flags;
    }

    @Override
    public Flux<MessageUid> listAllMessageUids(Mailbox mailbox) {
        return FolderMapper.blocking(() -> store.uids(owner(mailbox), FolderMailboxId.of(mailbox.getMailboxId())))
                .flatMapMany(uids -> Flux.fromStream(Arrays.stream(uids).mapToObj(MessageUid::of)));
    }

    private ImapStore.FolderState folder(Mailbox mailbox) {
        return store.folder(FolderMailboxId.of(mailbox.getMailboxId())).orElseThrow();
    }

    /** STORE: every message of the range is answered with its flags; only those that change are written. */
    @Override
    public Iterator<UpdatedFlags> updateFlags(Mailbox mailbox, FlagsUpdateCalculator calculator, MessageRange set) {
        List<ImapStore.MessageState> states = store.messages(owner(mailbox), FolderMailboxId.of(mailbox.getMailboxId()),
                set.getUidFrom().asLong(), set.getUidTo().asLong(), Integer.MAX_VALUE);
        Map<UUID, Flags> updated = new LinkedHashMap<>();
        List<ImapStore.FlagChange> changes = new ArrayList<>();
        for (ImapStore.MessageState state : states) {
            Flags old = flags(state);
            Flags next = calculator.buildNewFlags(old);
            next.remove(Flags.Flag.RECENT); // never kept: no message is recent here
            updated.put(state.id(), next);
            if (!next.equals(old)) {
                changes.add(change(state.id(), next));
            }
        }
        Map<UUID, Long> modseqs = changes.isEmpty() ? Map.of()
                : store.setFlags(owner(mailbox), origin, changes);
        return states.stream().map(state -> UpdatedFlags.builder()
                .uid(MessageUid.of(state.uid()))
                .modSeq(ModSeq.of(modseqs.getOrDefault(state.id(), state.modseq())))
                .oldFlags(flags(state))
                .newFlags(updated.get(state.id()))
                .messageId(new StoredMessageId(state.id()))
                .build()).iterator();
    }

    /** EXPUNGE of one message. */
    @Override
    public void delete(Mailbox mailbox, MailboxMessage message) throws MailboxException {
        deleteMessages(mailbox, List.of(message.getUid()));
    }

    /** EXPUNGE: the messages go for good and their bytes leave the quota; those another door removed first are left out. */
    @Override
    public Map<MessageUid, MessageMetaData> deleteMessages(Mailbox mailbox, List<MessageUid> uids) throws MailboxException {
        List<ImapWrites.Stored> deleted = write(() -> writes.expunge(owner(mailbox), origin,
                FolderMailboxId.of(mailbox.getMailboxId()), uids.stream().map(MessageUid::asLong).toList()));
        Map<MessageUid, MessageMetaData> expunged = new TreeMap<>();
        deleted.forEach(stored -> expunged.put(MessageUid.of(stored.uid()), metaData(stored, new Flags(Flags.Flag.DELETED))));
        return expunged;
    }

    /** APPEND: stored by the delivery pipeline (storage and quota, not the rules), with the client's flags and date. */
    @Override
    public MessageMetaData add(Mailbox mailbox, MailboxMessage message) throws MailboxException {
        Flags flags = message.createFlags();
        flags.remove(Flags.Flag.RECENT);
        try (InputStream in = message.getFullContent(); Spool spool = Spool.of(in, maxMessageSize)) {
            ImapWrites.Stored stored = write(() -> writes.append(owner(mailbox), origin,
                    FolderMailboxId.of(mailbox.getMailboxId()), spool, change(null, flags),
                    message.getInternalDate().toInstant()));
            message.setUid(MessageUid.of(stored.uid()));
            message.setModSeq(ModSeq.of(stored.modseq()));
            return metaData(stored, flags);
        } catch (Spool.TooLarge e) {
            throw new MailboxException("The message is larger than the largest a mailbox accepts");
        } catch (IOException e) {
            throw new MailboxException("The message could not be read", e);
        }
    }

    @Override
    public MessageMetaData copy(Mailbox mailbox, MailboxMessage original) throws MailboxException {
        return copy(mailbox, List.of(original)).get(0);
    }

    /** COPY: new messages of the same bytes, flags and labels in the target folder, all in one transaction. */
    @Override
    public List<MessageMetaData> copy(Mailbox mailbox, List<MailboxMessage> originals) throws MailboxException {
        Map<UUID, Flags> flags = flags(originals);
        return write(() -> writes.copy(owner(mailbox), origin, FolderMailboxId.of(mailbox.getMailboxId()),
                ids(originals))).entrySet().stream()
                .map(copy -> metaData(copy.getValue(), flags.get(copy.getKey()))).toList();
    }

    @Override
    public Mono<List<MessageMetaData>> copyReactive(Mailbox mailbox, List<MailboxMessage> originals) {
        return FolderMapper.blocking(() -> copy(mailbox, originals));
    }

    @Override
    public MessageMetaData move(Mailbox mailbox, MailboxMessage original) throws MailboxException {
        return move(mailbox, List.of(original)).get(0);
    }

    /** MOVE: the messages change folder (a new UID there), all in one transaction, as the web page moves them. */
    @Override
    public List<MessageMetaData> move(Mailbox mailbox, List<MailboxMessage> originals) throws MailboxException {
        Map<UUID, Flags> flags = flags(originals);
        return write(() -> writes.move(owner(mailbox), origin, FolderMailboxId.of(mailbox.getMailboxId()),
                ids(originals))).stream().map(moved -> metaData(moved, flags.get(moved.id()))).toList();
    }

    @Override
    public Mono<List<MessageMetaData>> moveReactive(Mailbox mailbox, List<MailboxMessage> originals) {
        return FolderMapper.blocking(() -> move(mailbox, originals));
    }

    /** The flags written to a message: the system ones and the keywords (labels among them). */
    static ImapStore.FlagChange change(UUID message, Flags flags) {
        return new ImapStore.FlagChange(message, flags.contains(Flags.Flag.SEEN), flags.contains(Flags.Flag.FLAGGED),
                flags.contains(Flags.Flag.ANSWERED), flags.contains(Flags.Flag.DELETED), flags.contains(Flags.Flag.DRAFT),
                Set.of(flags.getUserFlags()));
    }

    private static List<UUID> ids(List<MailboxMessage> messages) {
        return messages.stream().map(m -> ((StoredMessageId) m.getMessageId()).value()).toList();
    }

    /** Each message's flags, by its id. */
    private static Map<UUID, Flags> flags(List<MailboxMessage> messages) {
        Map<UUID, Flags> flags = new HashMap<>();
        messages.forEach(m -> flags.put(((StoredMessageId) m.getMessageId()).value(), m.createFlags()));
        return flags;
    }

    private static MessageMetaData metaData(ImapWrites.Stored stored, Flags flags) {
        return new MessageMetaData(MessageUid.of(stored.uid()), ModSeq.of(stored.modseq()), flags, stored.size(),
                Date.from(stored.receivedAt()), Optional.empty(), new StoredMessageId(stored.id()),
                ThreadId.fromBaseMessageId(new StoredMessageId(stored.threadId())));
    }

    private static String owner(Mailbox mailbox) {
        return mailbox.getUser().asString();
    }

    /** A write of our services, whose refusal (quota, name taken…) becomes James' NO with the person's words. */
    static <T> T write(java.util.function.Supplier<T> write) throws MailboxException {
        try {
            return write.get();
        } catch (ProblemException problem) {
            throw Refusals.of(problem);
        }
    }
}
