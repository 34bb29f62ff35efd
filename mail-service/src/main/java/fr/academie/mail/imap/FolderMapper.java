package fr.academie.mail.imap;

import org.apache.james.core.Username;
import org.apache.james.mailbox.acl.ACLDiff;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxACL;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.mailbox.store.mail.MailboxMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.UUID;

/**
 * A person's folders as James' mailboxes: one namespace (her own), paths joined by "/", the numbers the database keeps.
 * Another person's folder is never found, whatever path or id is asked for: the mapper serves its session's owner only.
 */
class FolderMapper implements MailboxMapper {

    private final ImapStore store;
    private final ImapWrites writes;
    private final String owner;

    /** @param owner the account id of the session's person */
    FolderMapper(ImapStore store, ImapWrites writes, String owner) {
        this.store = store;
        this.writes = writes;
        this.owner = owner;
    }

    static Mailbox mailbox(ImapStore.FolderState folder) {
        return new Mailbox(new MailboxPath(MailboxConstants.USER_NAMESPACE, Username.of(folder.ownerId()), folder.path()),
                UidValidity.of(folder.uidValidity()), new FolderMailboxId(folder.id()));
    }

    /** CREATE: a personal folder; its UIDVALIDITY is the database's, whatever James proposes. */
    @Override
    public Mono<Mailbox> create(MailboxPath path, UidValidity uidValidity) {
        return blocking(() -> {
            if (!owns(path.getUser())) {
                throw new MailboxNotFoundException(path);
            }
            UUID id = MessageStoreMapper.write(() -> writes.createFolder(owner, path.getName()));
            return store.folder(id).map(FolderMapper::mailbox).orElseThrow();
        });
    }

    /** RENAME: the folder takes the mailbox's new path; its sub-folders follow by themselves. */
    @Override
    public Mono<MailboxId> rename(Mailbox mailbox) {
        return blocking(() -> {
            UUID folder = owned(mailbox);
            MessageStoreMapper.write(() -> {
                writes.renameFolder(owner, folder, mailbox.getName());
                return null;
            });
            return mailbox.getMailboxId();
        });
    }

    /** DELETE: the folder goes, its messages to the trash. */
    @Override
    public Mono<Void> delete(Mailbox mailbox) {
        return blocking(() -> {
            UUID folder = owned(mailbox);
            return MessageStoreMapper.write(() -> {
                writes.deleteFolder(owner, folder);
                return folder;
            });
        }).then();
    }

    private UUID owned(Mailbox mailbox) throws MailboxNotFoundException {
        if (!owns(mailbox.getUser())) {
            throw new MailboxNotFoundException(mailbox.getMailboxId());
        }
        return FolderMailboxId.of(mailbox.getMailboxId());
    }

    @Override
    public Mono<Mailbox> findMailboxByPath(MailboxPath path) {
        return blocking(() -> MailboxConstants.USER_NAMESPACE.equals(path.getNamespace()) && owns(path.getUser())
                ? store.folder(owner, path.getName()).map(FolderMapper::mailbox).orElse(null) : null);
    }

    @Override
    public Mono<Mailbox> findMailboxById(MailboxId id) {
        return blocking(() -> store.folder(FolderMailboxId.of(id)).filter(folder -> folder.ownerId().equals(owner))
                        .map(FolderMapper::mailbox).orElse(null))
                .switchIfEmpty(Mono.error(new MailboxNotFoundException(id)));
    }

    @Override
    public Flux<Mailbox> findNonPersonalMailboxes(Username user, MailboxACL.Right right) {
        return Flux.empty(); // no shared folders (yet)
    }

    @Override
    public Flux<Mailbox> findMailboxWithPathLike(MailboxQuery.UserBound query) {
        return blocking(() -> owns(query.getFixedUser()) ? store.folders(owner) : List.<ImapStore.FolderState>of())
                .flatMapMany(Flux::fromIterable).map(FolderMapper::mailbox)
                .filter(mailbox -> query.isPathMatch(mailbox.generateAssociatedPath()));
    }

    @Override
    public Mono<Boolean> hasChildren(Mailbox mailbox, char delimiter) {
        String prefix = mailbox.getName() + delimiter;
        return blocking(() -> owns(mailbox.getUser()) && store.folders(owner).stream()
                .anyMatch(f -> f.path().startsWith(prefix)));
    }

    @Override
    public Mono<ACLDiff> updateACL(Mailbox mailbox, MailboxACL.ACLCommand command) {
        return Mono.error(new MailboxException("Folders are not shared"));
    }

    @Override
    public Mono<ACLDiff> setACL(Mailbox mailbox, MailboxACL acl) {
        return Mono.error(new MailboxException("Folders are not shared"));
    }

    @Override
    public Flux<Mailbox> list() {
        return Flux.empty(); // every person's folders at once: never asked by a session
    }

    private boolean owns(Username user) {
        return user != null && user.asString().equals(owner);
    }

    /** A database call off the network threads. */
    static <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
