package fr.academie.mail.imap;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.ComposedMessageIdWithMetaData;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxAnnotation;
import org.apache.james.mailbox.model.MailboxAnnotationKey;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.AnnotationMapper;
import org.apache.james.mailbox.store.mail.MailboxMapper;
import org.apache.james.mailbox.store.mail.MessageIdMapper;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.ModSeqProvider;
import org.apache.james.mailbox.store.mail.UidProvider;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.user.SubscriptionMapper;
import org.apache.james.mailbox.store.user.model.Subscription;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import javax.mail.Flags;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * James' mailbox API over our tables: the folder and message mappers, subscriptions kept on the folder, no
 * annotations (METADATA is not offered) and no lookup by message id alone (JMAP's, not IMAP's). UIDs and MODSEQs come
 * from the database's own numbering (migration V17).
 */
class StoreMappers extends MailboxSessionMapperFactory {

    private final ImapStore store;
    private final ImapWrites writes;
    private final MessageStoreMapper messages;

    /** @param messages the message mapper, shared by every session: it keeps no state of its own */
    StoreMappers(ImapStore store, ImapWrites writes, MessageStoreMapper messages) {
        this.store = store;
        this.writes = writes;
        this.messages = messages;
    }

    @Override
    public MailboxMapper createMailboxMapper(MailboxSession session) {
        return new FolderMapper(store, writes, session.getUser().asString());
    }

    @Override
    public MessageMapper createMessageMapper(MailboxSession session) {
        return messages;
    }

    @Override
    public SubscriptionMapper createSubscriptionMapper(MailboxSession session) {
        return new SubscriptionMapper() {
            @Override
            public void save(Subscription subscription) {
                store.subscribe(subscription.getUser().asString(), subscription.getMailbox(), true);
            }

            @Override
            public List<Subscription> findSubscriptionsForUser(Username user) {
                return store.folders(user.asString()).stream().filter(ImapStore.FolderState::subscribed)
                        .map(folder -> new Subscription(user, folder.path())).toList();
            }

            @Override
            public void delete(Subscription subscription) {
                store.subscribe(subscription.getUser().asString(), subscription.getMailbox(), false);
            }
        };
    }

    @Override
    public AnnotationMapper createAnnotationMapper(MailboxSession session) {
        return new NoAnnotations();
    }

    @Override
    public MessageIdMapper createMessageIdMapper(MailboxSession session) {
        return new NoMessageIdLookup();
    }

    @Override
    public UidProvider getUidProvider() {
        return new UidProvider() {
            @Override
            public MessageUid nextUid(Mailbox mailbox) throws MailboxException {
                return nextUid(mailbox.getMailboxId());
            }

            @Override
            public Optional<MessageUid> lastUid(Mailbox mailbox) {
                long last = store.folder(FolderMailboxId.of(mailbox.getMailboxId())).orElseThrow().lastUid();
                return last == 0 ? Optional.empty() : Optional.of(MessageUid.of(last));
            }

            @Override
            public MessageUid nextUid(MailboxId id) throws MailboxException {
                throw new MailboxException("UIDs are given by the database when a message is stored");
            }
        };
    }

    @Override
    public ModSeqProvider getModSeqProvider() {
        return new ModSeqProvider() {
            @Override
            public ModSeq nextModSeq(Mailbox mailbox) throws MailboxException {
                return nextModSeq(mailbox.getMailboxId());
            }

            @Override
            public ModSeq nextModSeq(MailboxId id) throws MailboxException {
                throw new MailboxException("MODSEQs are given by the database at each change");
            }

            @Override
            public ModSeq highestModSeq(Mailbox mailbox) {
                return highestModSeq(mailbox.getMailboxId());
            }

            @Override
            public ModSeq highestModSeq(MailboxId id) {
                return ModSeq.of(store.folder(FolderMailboxId.of(id)).orElseThrow().highestModseq());
            }
        };
    }

    /** Folder annotations (RFC 5464): not offered. */
    private static final class NoAnnotations implements AnnotationMapper {

        @Override
        public List<MailboxAnnotation> getAllAnnotations(MailboxId id) {
            return List.of();
        }

        @Override
        public List<MailboxAnnotation> getAnnotationsByKeys(MailboxId id, Set<MailboxAnnotationKey> keys) {
            return List.of();
        }

        @Override
        public List<MailboxAnnotation> getAnnotationsByKeysWithOneDepth(MailboxId id, Set<MailboxAnnotationKey> keys) {
            return List.of();
        }

        @Override
        public List<MailboxAnnotation> getAnnotationsByKeysWithAllDepth(MailboxId id, Set<MailboxAnnotationKey> keys) {
            return List.of();
        }

        @Override
        public void deleteAnnotation(MailboxId id, MailboxAnnotationKey key) {
            // none kept, none to delete
        }

        @Override
        public void insertAnnotation(MailboxId id, MailboxAnnotation annotation) {
            throw new UnsupportedOperationException("Folder annotations are not kept");
        }

        @Override
        public boolean exist(MailboxId id, MailboxAnnotation annotation) {
            return false;
        }

        @Override
        public int countAnnotations(MailboxId id) {
            return 0;
        }
    }

    /** Messages by id across folders: JMAP's way, which IMAP never takes. */
    private static final class NoMessageIdLookup implements MessageIdMapper {

        @Override
        public List<MailboxMessage> find(Collection<MessageId> ids, MessageMapper.FetchType type) {
            throw unsupported();
        }

        @Override
        public Publisher<ComposedMessageIdWithMetaData> findMetadata(MessageId id) {
            return Mono.error(unsupported());
        }

        @Override
        public List<MailboxId> findMailboxes(MessageId id) {
            throw unsupported();
        }

        @Override
        public void save(MailboxMessage message) {
            throw unsupported();
        }

        @Override
        public void copyInMailbox(MailboxMessage message, Mailbox mailbox) {
            throw unsupported();
        }

        @Override
        public void delete(MessageId id) {
            throw unsupported();
        }

        @Override
        public void delete(MessageId id, Collection<MailboxId> mailboxes) {
            throw unsupported();
        }

        @Override
        public Mono<com.google.common.collect.Multimap<MailboxId, UpdatedFlags>> setFlags(MessageId id,
                List<MailboxId> mailboxes, Flags flags, MessageManager.FlagsUpdateMode mode) {
            return Mono.error(unsupported());
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("Messages are found by folder and UID here");
        }
    }
}
